import { Badge, type MantineColor } from '@mantine/core';
import type { OrderState } from '../../../domain/order.ts';
import { humanize } from '../format/labels.ts';

/**
 * One colour per lifecycle state, by what it asks of people: waiting (blue), held or under review
 * (yellow, grape), being worked (orange, violet), an exception (red), finished (green, dark, grey).
 */
const STATE_COLORS: Record<OrderState, MantineColor> = {
  captured: 'gray',
  validating: 'blue',
  queued: 'blue',
  awaiting_remit: 'blue',
  on_hold: 'yellow',
  specialist_review: 'grape',
  released: 'violet',
  assigned: 'violet',
  in_progress: 'orange',
  picked_up: 'orange',
  staged: 'orange',
  in_transit: 'orange',
  escalated: 'red',
  attempt_failed: 'red',
  returned: 'red',
  completed: 'green',
  delivered: 'green',
  closed: 'green',
  rejected: 'dark',
  cancelled: 'dark',
  split: 'gray',
};

export function StateBadge({ state }: { state: OrderState }) {
  return (
    <Badge color={STATE_COLORS[state]} variant="light" data-state={state}>
      {humanize(state)}
    </Badge>
  );
}
