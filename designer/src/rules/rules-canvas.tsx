import '@xyflow/react/dist/style.css';
import { Box } from '@mantine/core';
import {
  Background,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  type Edge,
  type EdgeChange,
  type FinalConnectionState,
  type NodeChange,
  type NodeTypes,
} from '@xyflow/react';
import { useMemo, useRef, useState, type Ref } from 'react';
import { foldShifts, hiddenByCollapse, openingViewport, ruleOutcomes } from '../graph/canvas-view.ts';
import { checkConnection } from '../graph/connect-nodes.ts';
import type { CanvasProblem } from '../graph/graph-problems.ts';
import { NODE_SIZE, type GraphEdge, type GraphNode, type NodeKind, type RulesGraph, type XY } from '../graph/rules-graph-model.ts';
import type { DiffMark } from '../graph/diff-graph.ts';
import type { NodePaint } from '../graph/paint-path.ts';
import { CanvasContext, NO_MARKS, NOTHING_FOUND, type CanvasState } from './canvas-context.ts';
import { CanvasSearch } from './canvas-search.tsx';
import { ConditionNode } from './nodes/condition-node.tsx';
import type { FlowNode } from './nodes/flow-nodes.ts';
import { GroupNode } from './nodes/group-node.tsx';
import { OutcomeNode } from './nodes/outcome-node.tsx';
import { RuleNode } from './nodes/rule-node.tsx';
import type { Selection } from './use-rules-editor.ts';

// Module level: React Flow re-creates every node when this object changes identity.
const nodeTypes = { rule: RuleNode, group: GroupNode, condition: ConditionNode, outcome: OutcomeNode } satisfies NodeTypes;

const MINIMAP_COLORS: Record<NodeKind, string> = {
  rule: 'var(--mantine-color-blue-5)',
  group: 'var(--mantine-color-indigo-2)',
  condition: 'var(--mantine-color-gray-4)',
  outcome: 'var(--mantine-color-green-4)',
};

/**
 * React Flow re-creates its internal node when the node object changes, so an unchanged model node maps
 * to the very same flow node (the model is immutable, which makes it the cache key). A changed one says
 * it is already measured, at its fixed size, or React Flow would drop its handles and hide its links
 * until it measured the node again: on every frame of a drag.
 */
const flowNodes = new WeakMap<GraphNode, { plain?: FlowNode; selected?: FlowNode }>();
function toFlowNode(node: GraphNode, selected: boolean): FlowNode {
  const cached = flowNodes.get(node) ?? {};
  const slot = selected ? 'selected' : 'plain';
  const size = NODE_SIZE[node.type];
  cached[slot] ??= { ...node, ...size, measured: size, selected } as FlowNode;
  flowNodes.set(node, cached);
  return cached[slot];
}

function toFlowEdge(edge: GraphEdge, targetKind: NodeKind | undefined, fromRule: boolean, selected: boolean): Edge {
  const label = fromRule ? (targetKind === 'outcome' ? 'then' : 'when') : undefined;
  return { ...edge, type: 'smoothstep', selected, ...(label ? { label } : {}) };
}

function toggled(collapsed: ReadonlySet<string>, id: string, open = collapsed.has(id)): ReadonlySet<string> {
  const next = new Set(collapsed);
  if (open) next.delete(id);
  else next.add(id);
  return next;
}

export interface CanvasEditing {
  selection: Selection;
  onSelectionChange: (update: (current: Selection) => Selection) => void;
  /** Positions while a node is dragged; `dragKey` is the same for every move of one drag. */
  onMove: (positions: ReadonlyMap<string, XY>, dragKey: string) => void;
  onConnect: (source: string, target: string) => void;
  onDelete: (nodeIds: string[], edgeIds: string[]) => void;
  /** A link the person tried to make and the model refused, with why. */
  onRefused: (reason: string) => void;
}

interface RulesCanvasProps {
  graph: RulesGraph;
  problems?: ReadonlyMap<string, readonly CanvasProblem[]>;
  /** The path a test run took, painted on the nodes. */
  paint?: ReadonlyMap<string, NodePaint>;
  /** How each node differs from an older version. */
  diff?: ReadonlyMap<string, DiffMark>;
  /** Without it the canvas is read-only: nothing can be moved, linked or edited. */
  editing?: CanvasEditing;
  containerRef?: Ref<HTMLDivElement>;
  height?: string;
  testId?: string;
}

function applySelection(current: Selection, changes: readonly { type: string; id: string; selected?: boolean }[], key: 'nodes' | 'edges'): Selection {
  const chosen = new Set(current[key]);
  for (const change of changes) {
    if (change.type !== 'select') continue;
    if (change.selected) chosen.add(change.id);
    else chosen.delete(change.id);
  }
  return { ...current, [key]: [...chosen] };
}

export function RulesCanvas({ graph, problems, paint, diff, editing, containerRef, height = 'calc(100dvh - 360px)', testId = 'ruleset-canvas' }: RulesCanvasProps) {
  const readOnly = editing === undefined;
  const drags = useRef(0);
  const selectedNodes = useMemo(() => new Set(editing?.selection.nodes), [editing?.selection.nodes]);
  const selectedEdges = useMemo(() => new Set(editing?.selection.edges), [editing?.selection.edges]);
  // Folding and the search are how the person reads the canvas, not part of the rules: they are not saved or undone.
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [found, setFound] = useState<CanvasState['found']>(NOTHING_FOUND);
  const hidden = useMemo(() => hiddenByCollapse(graph, collapsed), [graph, collapsed]);
  const outcomes = useMemo(() => ruleOutcomes(graph), [graph]);
  const shifts = useMemo(() => foldShifts(graph, collapsed), [graph, collapsed]);
  const nodes = useMemo(
    () =>
      graph.nodes.map((n) => {
        if (hidden.has(n.id)) return { ...toFlowNode(n, false), hidden: true };
        const flowNode = toFlowNode(n, selectedNodes.has(n.id));
        const shift = shifts.get(n.id);
        return shift === undefined ? flowNode : { ...flowNode, position: { x: n.position.x, y: n.position.y - shift } };
      }),
    [graph.nodes, selectedNodes, hidden, shifts],
  );
  const edges = useMemo(() => {
    const kinds = new Map(graph.nodes.map((n) => [n.id, n.type]));
    return graph.edges.map((e) => ({ ...toFlowEdge(e, kinds.get(e.target), kinds.get(e.source) === 'rule', selectedEdges.has(e.id)), hidden: hidden.has(e.target) }));
  }, [graph.nodes, graph.edges, selectedEdges, hidden]);
  const canvas = useMemo(
    (): CanvasState => ({ readOnly, problems: problems ?? NO_MARKS, paint: paint ?? NO_MARKS, diff: diff ?? NO_MARKS, found, collapsed, outcomes, onToggleRule: (id) => setCollapsed((c) => toggled(c, id)) }),
    [readOnly, problems, paint, diff, found, collapsed, outcomes],
  );
  // Read once: the canvas opens on the first rules at a readable zoom, however large the ruleset.
  const [opening] = useState(() => openingViewport(graph));

  const onNodesChange = (changes: NodeChange<FlowNode>[]) => {
    if (!editing) return;
    const positions = new Map<string, XY>();
    for (const change of changes) {
      if (change.type === 'position' && change.position) positions.set(change.id, { x: change.position.x, y: change.position.y + (shifts.get(change.id) ?? 0) });
    }
    if (positions.size > 0) editing.onMove(positions, `drag-${drags.current}`);
    if (changes.some((c) => c.type === 'select')) editing.onSelectionChange((current) => applySelection(current, changes as { type: string; id: string }[], 'nodes'));
  };
  const onEdgesChange = (changes: EdgeChange[]) => {
    if (editing && changes.some((c) => c.type === 'select')) editing.onSelectionChange((current) => applySelection(current, changes as { type: string; id: string }[], 'edges'));
  };
  const onConnectEnd = (_: unknown, state: FinalConnectionState) => {
    if (!editing || !('toNode' in state) || !state.toNode || state.isValid !== false) return;
    // A link dragged backwards, from a left handle to a right one, still goes parent → child.
    const [source, target] = state.fromHandle?.type === 'target' ? [state.toNode.id, state.fromNode.id] : [state.fromNode.id, state.toNode.id];
    const verdict = checkConnection(graph, source, target);
    if (!verdict.ok) editing.onRefused(verdict.reason);
  };

  return (
    <CanvasContext value={canvas}>
      <Box
        ref={containerRef}
        data-testid={testId}
        data-readonly={readOnly}
        data-painted={(paint?.size ?? 0) > 0}
        h={height}
        mih={460}
        style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-md)' }}
      >
        <ReactFlow<FlowNode>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onNodeDragStart={() => (drags.current += 1)}
          onSelectionDragStart={() => (drags.current += 1)}
          onConnect={(c) => editing?.onConnect(c.source, c.target)}
          onConnectEnd={onConnectEnd}
          isValidConnection={(c) => checkConnection(graph, c.source, c.target).ok}
          onDelete={({ nodes: gone, edges: cut }) => editing?.onDelete(gone.map((n) => n.id), cut.map((e) => e.id))}
          deleteKeyCode={readOnly ? null : ['Delete', 'Backspace']}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          elementsSelectable={!readOnly}
          edgesFocusable={!readOnly}
          defaultViewport={opening}
          minZoom={0.1}
          // Its grey link (#999, 2.8:1) fails WCAG contrast once nodes sit behind it, as they do at a readable zoom.
          proOptions={{ hideAttribution: true }}
        >
          <Panel position="top-left">
            <CanvasSearch
              graph={graph}
              onFound={setFound}
              onReveal={(id) => setCollapsed((c) => toggled(c, id, true))}
              onCollapseAll={() => setCollapsed(new Set(graph.nodes.filter((n) => n.type === 'rule').map((n) => n.id)))}
              onExpandAll={() => setCollapsed(new Set())}
            />
          </Panel>
          <Background gap={24} />
          <MiniMap<FlowNode> pannable zoomable nodeColor={(node) => MINIMAP_COLORS[node.type]} />
          <Controls showInteractive={false} />
        </ReactFlow>
      </Box>
    </CanvasContext>
  );
}
