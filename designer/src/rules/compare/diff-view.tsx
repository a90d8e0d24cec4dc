import { motionMs } from '../../common/motion.ts';
import { Box, Stack } from '@mantine/core';
import { useReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import type { RulesetDefinition } from '../../../../domain/ruleset.ts';
import { diffRulesets } from '../../../../rules/ruleset-diff.ts';
import { diffGraph } from '../../graph/diff-graph.ts';
import { RulesCanvas } from '../rules-canvas.tsx';
import { DiffLegend } from './diff-legend.tsx';
import { DiffSummary } from './diff-summary.tsx';

/** The newer rules on a read-only canvas, marked where they differ from the older, with the list beside. Inside a ReactFlowProvider. */
export function DiffView({ older, newer }: { older: RulesetDefinition; newer: RulesetDefinition }) {
  const flow = useReactFlow();
  const nodes = useMemo(() => diffGraph(older, newer), [older, newer]);
  const summary = useMemo(() => diffRulesets(older, newer), [older, newer]);
  const focus = (rule: string) => {
    const id = nodes.ruleNodes.get(rule);
    // The whole rule: its node and everything under it, which the graph names after it.
    const tree = nodes.graph.nodes.filter((n) => id !== undefined && (n.id === id || n.id.startsWith(`${id}.`))).map((n) => ({ id: n.id }));
    if (tree.length > 0) void flow.fitView({ nodes: tree, duration: motionMs(300), maxZoom: 1.2, padding: 0.2 });
  };
  return (
    <Stack gap="sm">
      <DiffLegend />
      <Box style={{ display: 'grid', gridTemplateColumns: '380px minmax(0, 1fr)', gap: 'var(--mantine-spacing-sm)' }}>
        <DiffSummary diff={summary} older={older} newer={newer} onFocus={focus} />
        <RulesCanvas graph={nodes.graph} diff={nodes.marks} testId="diff-canvas" height="60dvh" />
      </Box>
    </Stack>
  );
}
