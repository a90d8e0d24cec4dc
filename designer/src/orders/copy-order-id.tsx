import { Button, CopyButton } from '@mantine/core';

/** People read an order by its reference; support and integrations need its id, so it is one press away rather than on show. */
export function CopyOrderId({ id }: { id: string }) {
  return (
    <CopyButton value={id}>
      {({ copied, copy }) => (
        <Button variant="default" size="compact-xs" onClick={copy} title={id} data-testid="copy-order-id" data-order-id={id}>
          {copied ? 'Order id copied' : 'Copy order id'}
        </Button>
      )}
    </CopyButton>
  );
}
