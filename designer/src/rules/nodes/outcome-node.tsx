import { Text } from '@mantine/core';
import type { NodeProps } from '@xyflow/react';
import { describeOutcome as inWords } from '../../format/outcome-text.ts';
import type { NodeDataByKind } from '../../graph/rules-graph-model.ts';
import type { FlowNode } from './flow-nodes.ts';
import { NodeFrame } from './node-frame.tsx';
import { NodeHandle } from './node-handle.tsx';

/** An outcome in words, on its node and on a folded rule. */
export const describeOutcome = ({ type, params }: NodeDataByKind['outcome']): string => inWords(type, params);

export function OutcomeNode({ id, data, selected }: NodeProps<FlowNode<'outcome'>>) {
  const text = describeOutcome(data);
  return (
    <NodeFrame
      id={id}
      kind="outcome"
      selected={selected}
      bg="green.0"
      p={6}
      style={{ border: '1px solid var(--mantine-color-green-5)', display: 'grid', placeItems: 'center' }}
      title={`The outcome when the rule's conditions hold: ${text}`}
    >
      <NodeHandle type="target" />
      <Text fw={800} c="dark.8" size={data.type === 'score' ? 'md' : 'xs'} ta="center" lineClamp={2}>
        {text}
      </Text>
    </NodeFrame>
  );
}
