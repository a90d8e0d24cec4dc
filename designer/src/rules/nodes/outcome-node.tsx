import { Paper, Text } from '@mantine/core';
import type { NodeProps } from '@xyflow/react';
import { formatPoints } from '../../format/labels.ts';
import type { OutcomeFlowNode } from '../../graph/ruleset-graph.ts';
import { HiddenHandle } from './hidden-handle.tsx';

function describeOutcome({ type, params }: { type: string; params: Record<string, unknown> }): string {
  const details = Object.values(params).map(String).join(', ');
  return details ? `${type.replace(/_/g, ' ')}: ${details}` : type.replace(/_/g, ' ');
}

export function OutcomeNode({ data }: NodeProps<OutcomeFlowNode>) {
  const isScore = data.type === 'score' && typeof data.params.points === 'number';
  return (
    <Paper
      h="100%"
      bg="green.0"
      style={{ border: '1px solid var(--mantine-color-green-5)', display: 'grid', placeItems: 'center' }}
      title={isScore ? "Added to the effective priority score when the rule's conditions hold" : "The outcome when the rule's conditions hold"}
    >
      <HiddenHandle type="target" />
      <Text fw={800} c="green.9" size={isScore ? undefined : 'xs'} ta="center">
        {isScore ? formatPoints(data.params.points as number) : describeOutcome(data)}
      </Text>
    </Paper>
  );
}
