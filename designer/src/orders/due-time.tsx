import { Text } from '@mantine/core';
import { formatDateTime, formatRelative } from '../format/time.ts';

interface DueTimeProps {
  dueAt: string;
  /** A finished order cannot be late any more, so it is not flagged as overdue. */
  done: boolean;
  now: number;
}

export function DueTime({ dueAt, done, now }: DueTimeProps) {
  const overdue = !done && new Date(dueAt).getTime() < now;
  return (
    <div>
      <Text size="sm">{formatDateTime(dueAt)}</Text>
      <Text size="xs" c={overdue ? 'red.7' : 'dimmed'} fw={overdue ? 600 : 400}>
        {overdue ? `overdue, was due ${formatRelative(dueAt, now)}` : formatRelative(dueAt, now)}
      </Text>
    </div>
  );
}
