import { Text, Timeline } from '@mantine/core';
import type { TimelineEntry } from '../../../domain/order.ts';
import { movedText, timelineSentence } from '../format/timeline-text.ts';
import { formatDateTime } from '../format/time.ts';

/** Every transition the order went through, oldest first, each as a sentence: what happened, who did it and why. */
export function OrderTimeline({ entries }: { entries: TimelineEntry[] }) {
  if (entries.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No transitions recorded yet.
      </Text>
    );
  }
  const ordered = entries.toSorted((a, b) => a.seq - b.seq);
  return (
    <Timeline active={ordered.length - 1} bulletSize={16} lineWidth={2} data-testid="order-timeline">
      {ordered.map((entry) => (
        <Timeline.Item key={entry.seq} title={timelineSentence(entry)}>
          <Text size="xs" c="dimmed" mt={2}>
            {movedText(entry)} · {formatDateTime(entry.at)}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
