import { Paper, Text, type MantineColor } from '@mantine/core';
import type { NodeProps } from '@xyflow/react';
import type { GroupFlowNode, GroupNodeData } from '../../graph/ruleset-graph.ts';
import { HiddenHandle } from './hidden-handle.tsx';

const GROUP_STYLE: Record<GroupNodeData['operator'], { color: MantineColor; help: string }> = {
  all: { color: 'indigo', help: 'Holds when every branch holds' },
  any: { color: 'teal', help: 'Holds when at least one branch holds' },
  not: { color: 'red', help: 'Holds when its branch does not hold' },
};

export function GroupNode({ data }: NodeProps<GroupFlowNode>) {
  const { color, help } = GROUP_STYLE[data.operator];
  const label = data.operator === 'not' ? 'NOT' : `${data.operator.toUpperCase()} of ${data.childCount}`;
  return (
    <Paper
      h="100%"
      radius="xl"
      bg={`${color}.0`}
      title={help}
      style={{ border: `1px solid var(--mantine-color-${color}-4)`, display: 'grid', placeItems: 'center' }}
    >
      <HiddenHandle type="target" />
      <Text fw={700} size="sm" c={`${color}.8`}>
        {label}
      </Text>
      <HiddenHandle type="source" />
    </Paper>
  );
}
