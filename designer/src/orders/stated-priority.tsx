import { Text, type MantineColor } from '@mantine/core';
import type { OrderSummary } from '../../../domain/order.ts';
import { humanize } from '../format/labels.ts';

const PRIORITY_COLORS: Record<OrderSummary['statedPriority'], MantineColor> = {
  low: 'dimmed',
  normal: 'gray.7',
  high: 'orange.8',
  urgent: 'red.8',
};

/** What the requester asked for: shown next to, never instead of, the effective score. */
export function StatedPriority({ priority }: { priority: OrderSummary['statedPriority'] }) {
  return (
    <Text size="sm" fw={priority === 'urgent' || priority === 'high' ? 600 : 400} c={PRIORITY_COLORS[priority]}>
      {humanize(priority)}
    </Text>
  );
}
