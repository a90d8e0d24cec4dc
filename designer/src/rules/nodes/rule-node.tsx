import { Badge, Group, Paper, Text } from '@mantine/core';
import type { NodeProps } from '@xyflow/react';
import type { RuleFlowNode } from '../../graph/ruleset-graph.ts';
import { HiddenHandle } from './hidden-handle.tsx';

export function RuleNode({ data }: NodeProps<RuleFlowNode>) {
  return (
    <Paper withBorder shadow="xs" p="xs" h="100%" style={{ borderTop: '4px solid var(--mantine-color-blue-6)' }}>
      <Group justify="space-between" wrap="nowrap" gap={6}>
        <Text fw={700} size="sm" truncate title={data.name}>
          {data.name}
        </Text>
        <Badge size="xs" variant="light" style={{ flexShrink: 0 }} title="Evaluation order: higher runs first">
          priority {data.priority}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed" lineClamp={3} mt={4} title={data.description}>
        {data.description}
      </Text>
      <HiddenHandle type="source" />
    </Paper>
  );
}
