import { Text } from '@mantine/core';
import { OPERATORS_BY_TYPE } from '../../../../domain/decision-points.ts';
import type { NodeProps } from '@xyflow/react';
import { formatValue, operatorLabel } from '../../format/labels.ts';
import { formatCalendarDateTime } from '../../format/time.ts';
import { factReference } from '../../graph/condition-fit.ts';
import type { FlowNode } from './flow-nodes.ts';
import { NodeFrame } from './node-frame.tsx';
import { NodeHandle } from './node-handle.tsx';

/** A literal as written, a date in the viewer's time, or the other fact's name: "creditBalance > creditLimit". */
function describeValue(operator: string, value: unknown): string {
  const other = factReference(value);
  if (other !== null) return other;
  return OPERATORS_BY_TYPE.date.includes(operator) && typeof value === 'string' ? formatCalendarDateTime(value) : formatValue(value);
}

export function ConditionNode({ id, data, selected }: NodeProps<FlowNode<'condition'>>) {
  const comparison = `${operatorLabel(data.operator)} ${describeValue(data.operator, data.value)}`;
  return (
    <NodeFrame id={id} kind="condition" selected={selected} withBorder p="xs" title={`${data.fact} ${data.operator} ${JSON.stringify(data.value)}`}>
      <NodeHandle type="target" />
      <Text size="sm" ff="monospace" fw={600} truncate>
        {data.fact}
      </Text>
      <Text size="sm" ff="monospace" truncate fs={factReference(data.value) ? 'italic' : undefined}>
        {comparison}
      </Text>
    </NodeFrame>
  );
}
