import { Badge, Group, Text } from '@mantine/core';
import { DIFF_COLORS } from '../nodes/node-marks.ts';

const ENTRIES = [
  { mark: 'added', help: 'only in the newer rules' },
  { mark: 'changed', help: 'different in the newer rules' },
  { mark: 'removed', help: 'only in the older rules, shown faded' },
] as const;

/** How to read a diff on the canvas. */
export function DiffLegend() {
  return (
    <Group gap="md" data-testid="diff-legend">
      {ENTRIES.map(({ mark, help }) => (
        <Group key={mark} gap={6}>
          <Badge size="sm" color={DIFF_COLORS[mark]} variant="filled" style={{ textTransform: 'none' }}>
            {mark}
          </Badge>
          <Text size="xs">{help}</Text>
        </Group>
      ))}
      <Text size="xs" c="dimmed">
        Rules are matched by name; unmarked nodes are the same in both.
      </Text>
    </Group>
  );
}
