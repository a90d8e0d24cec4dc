import { Text, type MantineColor } from '@mantine/core';
import type { NodeProps } from '@xyflow/react';
import type { GroupOperator } from '../../graph/rules-graph-model.ts';
import type { FlowNode } from './flow-nodes.ts';
import { NodeFrame } from './node-frame.tsx';
import { NodeHandle } from './node-handle.tsx';

export const GROUP_STYLE: Record<GroupOperator, { color: MantineColor; help: string }> = {
  all: { color: 'indigo', help: 'Holds when every branch holds' },
  any: { color: 'teal', help: 'Holds when at least one branch holds' },
  not: { color: 'red', help: 'Holds when its branch does not hold' },
};

export function GroupNode({ id, data, selected }: NodeProps<FlowNode<'group'>>) {
  const { color, help } = GROUP_STYLE[data.operator];
  return (
    <NodeFrame
      id={id}
      kind="group"
      selected={selected}
      radius="xl"
      bg={`${color}.0`}
      title={help}
      style={{ border: `1px solid var(--mantine-color-${color}-4)`, display: 'grid', placeItems: 'center' }}
    >
      <NodeHandle type="target" />
      <Text fw={700} size="sm" c={`${color}.9`}>
        {data.operator.toUpperCase()}
      </Text>
      <NodeHandle type="source" />
    </NodeFrame>
  );
}
