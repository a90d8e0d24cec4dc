import { Paper, Text } from '@mantine/core';
import type { NodeProps } from '@xyflow/react';
import { formatPoints } from '../../format/labels.ts';
import type { OutcomeFlowNode } from '../../graph/ruleset-graph.ts';
import { HiddenHandle } from './hidden-handle.tsx';

export function OutcomeNode({ data }: NodeProps<OutcomeFlowNode>) {
  return (
    <Paper
      h="100%"
      bg="green.0"
      style={{ border: '1px solid var(--mantine-color-green-5)', display: 'grid', placeItems: 'center' }}
      title="Added to the effective priority score when the rule's conditions hold"
    >
      <HiddenHandle type="target" />
      <Text fw={800} c="green.9">
        {formatPoints(data.points)}
      </Text>
    </Paper>
  );
}
