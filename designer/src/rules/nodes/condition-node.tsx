import { Paper, Text } from '@mantine/core';
import type { NodeProps } from '@xyflow/react';
import { formatValue, operatorLabel } from '../../format/labels.ts';
import type { ConditionFlowNode } from '../../graph/ruleset-graph.ts';
import { HiddenHandle } from './hidden-handle.tsx';

export function ConditionNode({ data }: NodeProps<ConditionFlowNode>) {
  const fact = data.fact;
  const comparison = `${operatorLabel(data.operator)} ${formatValue(data.value)}`;
  return (
    <Paper withBorder p="xs" h="100%" title={`${fact} ${data.operator} ${JSON.stringify(data.value)}`}>
      <HiddenHandle type="target" />
      <Text size="sm" ff="monospace" fw={600} truncate>
        {fact}
      </Text>
      <Text size="sm" ff="monospace" truncate>
        {comparison}
      </Text>
    </Paper>
  );
}
