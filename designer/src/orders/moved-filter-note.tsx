import { Alert, Button, Group, Text } from '@mantine/core';
import { plural } from '../format/labels.ts';
import { followInApp, type OrdersLink } from './orders-link.ts';

/** Says which dashboard figure the list reproduces, and leads back to every order. */
export function MovedFilterNote({ link, total }: { link: OrdersLink; total: number | undefined }) {
  return (
    <Alert color="blue" variant="light" data-testid="moved-filter" title="The orders behind a dashboard figure">
      <Group justify="space-between" wrap="wrap">
        <Text size="sm">
          {link.label}
          {total !== undefined && `: ${plural(total, 'order', 'orders')}`}
        </Text>
        <Button size="xs" variant="default" onClick={() => followInApp('?view=orders')}>
          Show every order
        </Button>
      </Group>
    </Alert>
  );
}
