import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { SplitProposal } from '../../../domain/inventory.ts';
import type { OrderDetail } from '../../../domain/order.ts';
import { runOrderAction } from '../api/client.ts';
import { ConfirmModal } from '../common/confirm-modal.tsx';
import { orderName } from '../format/order-name.ts';
import { proposeSplitByAvailability } from '../inventory/inventory-client.ts';
import { useSession } from '../session/use-session.ts';
import { actionsFor } from './action-availability.ts';

/** Lines named in a part; a long order's list stops here and says how many more there are. */
const LINES_SHOWN = 10;

function PartLines({ order, lineNumbers, testId }: { order: OrderDetail; lineNumbers: number[]; testId: string }) {
  const shown = lineNumbers.slice(0, LINES_SHOWN);
  return (
    <List size="sm" data-testid={testId}>
      {shown.map((n) => (
        <List.Item key={n}>
          Line {n + 1}: {order.lines[n]?.qty} × {order.lines[n]?.sku}
        </List.Item>
      ))}
      {lineNumbers.length > shown.length && <List.Item>and {lineNumbers.length - shown.length} more lines</List.Item>}
    </List>
  );
}

/**
 * On an order held for stock alone: the lines its warehouse covers now go on as one part (they reserve
 * their stock and are released as usual), the rest waits as another part on its own inventory hold, which
 * a receipt clears. Offered to whoever may split; the proposal is read when asked for, as stock moves.
 */
export function SplitByAvailability({ order, onDone }: { order: OrderDetail; onDone: () => void }) {
  const { user } = useSession();
  const [proposal, setProposal] = useState<SplitProposal | null>(null);
  const [loading, setLoading] = useState(false);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [splitError, setSplitError] = useState<string | null>(null);

  const heldForStock = order.state === 'on_hold' && order.holds.length > 0 && order.holds.every((h) => h.type === 'inventory');
  if (!heldForStock || !actionsFor(order, user.roles, user.username).includes('split')) return null;

  const propose = async () => {
    setLoading(true);
    setMessage(null);
    try {
      setProposal(await proposeSplitByAvailability(order.id));
    } catch (error) {
      setMessage((error as Error).message);
    } finally {
      setLoading(false);
    }
  };
  const split = async () => {
    if (!proposal) return;
    setPending(true);
    setSplitError(null);
    try {
      await runOrderAction(order.id, { action: 'split', parts: proposal.parts, reason: 'Split by availability: the lines in stock go on, the rest waits for stock.' });
      setProposal(null);
      onDone();
    } catch (error) {
      setSplitError((error as Error).message);
    } finally {
      setPending(false);
    }
  };

  return (
    <Stack gap="xs" data-testid="split-by-availability">
      <Text size="sm" c="dimmed">
        Held for stock: send on the lines in stock now and let the rest wait for a receipt.
      </Text>
      <Button variant="light" loading={loading} onClick={() => void propose()} data-testid="split-by-availability-propose" style={{ alignSelf: 'flex-start' }}>
        Split by availability
      </Button>
      {message && (
        <Alert color="yellow" variant="light" data-testid="split-by-availability-message" withCloseButton closeButtonLabel="Dismiss" onClose={() => setMessage(null)}>
          {message}
        </Alert>
      )}
      {proposal && (
        <ConfirmModal
          opened
          title={`Split ${orderName(order)} by availability?`}
          confirmLabel="Split"
          onConfirm={() => void split()}
          onCancel={() => setProposal(null)}
          pending={pending}
          error={splitError}
          testId="split-by-availability-confirm"
        >
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              Goes on now (in stock, reserved at the split)
            </Text>
            <PartLines order={order} lineNumbers={proposal.parts[0] ?? []} testId="split-part-in-stock" />
            <Text size="sm" fw={600}>
              Waits for stock (on an inventory hold a receipt clears)
            </Text>
            <PartLines order={order} lineNumbers={proposal.parts[1] ?? []} testId="split-part-waiting" />
            <Text size="sm">This order ends as split; each part is an order of its own.</Text>
          </Stack>
        </ConfirmModal>
      )}
    </Stack>
  );
}
