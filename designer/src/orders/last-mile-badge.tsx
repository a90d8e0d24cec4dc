import { Badge, type MantineColor } from '@mantine/core';
import type { LastMileStatus } from '../../../domain/last-mile.ts';

/** The same colour story as the lifecycle states, so a courier's status and the state read alike. */
const STATUS_COLORS: Record<LastMileStatus, MantineColor> = {
  Pending: 'blue',
  Assigned: 'violet',
  'Picked Up': 'orange',
  'In Transit': 'orange',
  Delivered: 'green',
  Cancelled: 'dark',
  Returned: 'red',
};

export function LastMileBadge({ status }: { status: LastMileStatus }) {
  const color = STATUS_COLORS[status];
  // An outline's text takes its colour's eighth shade, below 4.5:1 on white for green and orange: the
  // text takes the darker shade the theme gives text on tints, the border keeps the colour.
  return (
    <Badge color={color} variant="outline" vars={() => ({ root: { '--badge-color': `var(--mantine-color-${color}-light-color)` } })} data-last-mile={status}>
      {status}
    </Badge>
  );
}
