import '@xyflow/react/dist/style.css';
import { Box } from '@mantine/core';
import { Background, Controls, MiniMap, ReactFlow, type NodeTypes } from '@xyflow/react';
import { useMemo } from 'react';
import type { RulesetDefinition } from '../../../domain/ruleset.ts';
import { rulesetToGraph, type RulesetFlowNode } from '../graph/ruleset-graph.ts';
import { ConditionNode } from './nodes/condition-node.tsx';
import { GroupNode } from './nodes/group-node.tsx';
import { OutcomeNode } from './nodes/outcome-node.tsx';
import { RuleNode } from './nodes/rule-node.tsx';

// Module level: React Flow re-creates every node when this object changes identity.
const nodeTypes = { rule: RuleNode, group: GroupNode, condition: ConditionNode, outcome: OutcomeNode } satisfies NodeTypes;

const MINIMAP_COLORS: Record<NonNullable<RulesetFlowNode['type']>, string> = {
  rule: 'var(--mantine-color-blue-5)',
  group: 'var(--mantine-color-indigo-2)',
  condition: 'var(--mantine-color-gray-4)',
  outcome: 'var(--mantine-color-green-4)',
};

/** The published ruleset, drawn read-only: nothing can be moved, connected or edited here. */
export function RulesetCanvas({ definition }: { definition: RulesetDefinition }) {
  const { nodes, edges } = useMemo(() => rulesetToGraph(definition), [definition]);
  return (
    <Box
      data-testid="ruleset-canvas"
      h="calc(100dvh - 360px)"
      mih={460}
      style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-md)' }}
    >
      <ReactFlow<RulesetFlowNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        edgesFocusable={false}
        fitView
        minZoom={0.1}
      >
        <Background gap={24} />
        <MiniMap<RulesetFlowNode> pannable zoomable nodeColor={(node) => (node.type ? MINIMAP_COLORS[node.type] : '#ccc')} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </Box>
  );
}
