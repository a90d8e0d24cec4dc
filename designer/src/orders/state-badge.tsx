import { Badge, type MantineColor } from '@mantine/core';
import type { OrderState } from '../../../domain/order.ts';
import { humanize } from '../format/labels.ts';

/** One colour per lifecycle state, from "not yet ours" (grey) through "being worked" (orange) to done (green). */
const STATE_COLORS: Record<OrderState, MantineColor> = {
  captured: 'gray',
  queued: 'blue',
  released: 'violet',
  in_progress: 'orange',
  escalated: 'red',
  completed: 'green',
  cancelled: 'dark',
};

export function StateBadge({ state }: { state: OrderState }) {
  return (
    <Badge color={STATE_COLORS[state]} variant="light" data-state={state}>
      {humanize(state)}
    </Badge>
  );
}
