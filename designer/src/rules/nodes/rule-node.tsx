import { Badge, Group, Text } from '@mantine/core';
import type { NodeProps } from '@xyflow/react';
import type { FlowNode } from './flow-nodes.ts';
import { NodeFrame } from './node-frame.tsx';
import { NodeHandle } from './node-handle.tsx';

export function RuleNode({ id, data, selected }: NodeProps<FlowNode<'rule'>>) {
  return (
    <NodeFrame id={id} kind="rule" selected={selected} withBorder shadow="xs" p="xs" style={{ borderTop: '4px solid var(--mantine-color-blue-6)' }}>
      <Group justify="space-between" wrap="nowrap" gap={6}>
        <Text fw={700} size="sm" truncate title={data.name} c={data.name ? undefined : 'dimmed'}>
          {data.name || 'Unnamed rule'}
        </Text>
        <Badge size="xs" variant="light" style={{ flexShrink: 0 }} title="Evaluation order: higher runs first">
          priority {data.priority}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed" lineClamp={3} mt={4} title={data.description}>
        {data.description || 'Say what the rule is for.'}
      </Text>
      <NodeHandle type="source" />
    </NodeFrame>
  );
}
