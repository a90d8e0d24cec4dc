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
  return (
    <Badge color={STATUS_COLORS[status]} variant="outline" data-last-mile={status}>
      {status}
    </Badge>
  );
}
