import { motionMs } from '../common/motion.ts';
import { Button, Group, Paper, Text, TextInput } from '@mantine/core';
import { useReactFlow } from '@xyflow/react';
import { useState } from 'react';
import { openingViewport, READABLE_ZOOM, ruleOf, searchGraph } from '../graph/canvas-view.ts';
import { NODE_SIZE, type RulesGraph } from '../graph/rules-graph-model.ts';

interface CanvasSearchProps {
  graph: RulesGraph;
  onFound: (found: { ids: ReadonlySet<string>; current: string | null }) => void;
  /** A found node inside a collapsed rule: that rule is opened. */
  onReveal: (ruleId: string) => void;
  onCollapseAll: () => void;
  onExpandAll: () => void;
}

/** Finds a rule, fact or outcome by name and brings it into view at a readable zoom; Enter goes to the next one. */
export function CanvasSearch({ graph, onFound, onReveal, onCollapseAll, onExpandAll }: CanvasSearchProps) {
  const flow = useReactFlow();
  const [query, setQuery] = useState('');
  const [at, setAt] = useState(0);
  const ids = searchGraph(graph, query);

  const show = (matches: string[], index: number) => {
    const id = matches[index] ?? null;
    onFound({ ids: new Set(matches), current: id });
    const node = id === null ? undefined : graph.nodes.find((n) => n.id === id);
    if (!node) return;
    const rule = ruleOf(graph, node.id);
    if (rule !== null && rule !== node.id) onReveal(rule);
    const size = NODE_SIZE[node.type];
    void flow.setCenter(node.position.x + size.width / 2, node.position.y + size.height / 2, { zoom: Math.max(flow.getZoom(), READABLE_ZOOM), duration: motionMs(300) });
  };

  // Folding or unfolding every rule moves them all: back to the first rules.
  const fold = (change: () => void) => {
    change();
    void flow.setViewport(openingViewport(graph));
  };

  const status = query.trim() === '' ? '' : ids.length === 0 ? 'Nothing found' : `${Math.min(at, ids.length - 1) + 1} of ${ids.length}`;
  return (
    <Paper withBorder shadow="xs" p={6}>
      <Group gap={6} wrap="nowrap">
        <TextInput
          size="xs"
          w={220}
          aria-label="Find a rule, fact or outcome"
          placeholder="Find a rule, fact or outcome"
          data-testid="canvas-search"
          value={query}
          onChange={(event) => {
            const next = event.currentTarget.value;
            setQuery(next);
            setAt(0);
            show(searchGraph(graph, next), 0);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              setQuery('');
              onFound({ ids: new Set(), current: null });
            }
            if (event.key !== 'Enter' || ids.length === 0) return;
            event.preventDefault();
            const next = (at + (event.shiftKey ? ids.length - 1 : 1)) % ids.length;
            setAt(next);
            show(ids, next);
          }}
        />
        <Text size="xs" aria-live="polite" data-testid="canvas-search-status" miw={70}>
          {status}
        </Text>
        <Button size="compact-xs" variant="default" onClick={() => fold(onCollapseAll)} data-testid="rules-collapse-all">
          Collapse all
        </Button>
        <Button size="compact-xs" variant="default" onClick={() => fold(onExpandAll)} data-testid="rules-expand-all">
          Expand all
        </Button>
      </Group>
    </Paper>
  );
}
