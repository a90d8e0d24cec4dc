import { Text, Timeline } from '@mantine/core';
import type { TimelineEntry } from '../../../domain/order.ts';
import { humanize } from '../format/labels.ts';
import { formatDateTime } from '../format/time.ts';

/** Every transition the order went through, oldest first, with who did it and why. */
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
    <Timeline active={ordered.length - 1} bulletSize={16} lineWidth={2}>
      {ordered.map((entry) => (
        <Timeline.Item
          key={entry.seq}
          title={entry.from ? `${humanize(entry.from)} → ${humanize(entry.to)}` : `Entered as ${humanize(entry.to)}`}
        >
          <Text size="sm">
            <Text span ff="monospace" size="sm">
              {entry.event}
            </Text>{' '}
            by {entry.actor}
          </Text>
          {entry.reason && (
            <Text size="sm" fs="italic">
              “{entry.reason}”
            </Text>
          )}
          <Text size="xs" c="dimmed" mt={2}>
            {formatDateTime(entry.at)}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
