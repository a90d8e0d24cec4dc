import { useMemo, useState } from 'react';
import { connect as connectNodes, parentFor } from '../graph/connect-nodes.ts';
import { copyNodes, pasteFragment, type Fragment } from '../graph/copy-paste.ts';
import { commit, redo as redoStep, startHistory, undo as undoStep, type History } from '../graph/edit-history.ts';
import { addNode, moveNodes, removeElements, updateHeader, updateNodeData, type NewNode } from '../graph/graph-edits.ts';
import { layoutForest } from '../graph/layout-forest.ts';
import { indexGraph, NODE_SIZE, type NodeDataByKind, type NodeKind, type RulesGraph, type RulesetHeader, type XY } from '../graph/rules-graph-model.ts';

export interface Selection {
  nodes: readonly string[];
  edges: readonly string[];
}

const NOTHING: Selection = { nodes: [], edges: [] };
/** Where a pasted copy lands relative to what was copied, so it does not hide the original. */
const PASTE_OFFSET = 40;
const STACK_OFFSET = 24;
const CHILD_GAP = { x: 72, y: 84 };

/**
 * The designer's working state: the graph with undo and redo, the selection and the clipboard. Every
 * edit goes through the pure graph operations, so what the canvas allows is what the tests cover.
 */
export function useRulesEditor(initial: () => RulesGraph) {
  const [history, setHistory] = useState<History<RulesGraph>>(() => startHistory(initial()));
  const [selected, setSelection] = useState<Selection>(NOTHING);
  const [clipboard, setClipboard] = useState<{ fragment: Fragment; pastes: number } | null>(null);
  const graph = history.present;
  // Undo can remove a selected node; what is gone is no longer selected.
  const selection = useMemo((): Selection => {
    const ids = new Set([...graph.nodes.map((n) => n.id), ...graph.edges.map((e) => e.id)]);
    return { nodes: selected.nodes.filter((id) => ids.has(id)), edges: selected.edges.filter((id) => ids.has(id)) };
  }, [graph, selected]);

  const apply = (next: RulesGraph, key: string | null = null) => setHistory((h) => commit(h, next, key));

  /** Adds a node; with one node selected, links it under that node or its nearest ancestor that takes it. */
  const add = (request: NewNode, viewCenter: XY) => {
    // Nodes added one after another at the same spot would hide each other.
    let position = viewCenter;
    while (graph.nodes.some((n) => n.position.x === position.x && n.position.y === position.y)) position = { x: position.x + STACK_OFFSET, y: position.y + STACK_OFFSET };
    const added = addNode(graph, request, position);
    const from = selection.nodes.length === 1 ? selection.nodes[0]! : null;
    const parent = from === null ? null : parentFor(added.graph, from, added.id);
    let next = added.graph;
    if (parent !== null) {
      const linked = connectNodes(added.graph, parent, added.id);
      if (linked.ok) next = besideParent(linked.graph, parent, added.id);
    }
    apply(next);
    setSelection({ nodes: [added.id], edges: [] });
  };

  return {
    graph,
    selection,
    setSelection,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    undo: () => setHistory(undoStep),
    redo: () => setHistory(redoStep),
    add,
    connect: (source: string, target: string) => {
      const linked = connectNodes(graph, source, target);
      if (linked.ok) apply(linked.graph);
      return linked;
    },
    remove: (nodeIds: Iterable<string>, edgeIds: Iterable<string>) => {
      apply(removeElements(graph, nodeIds, edgeIds));
      setSelection(NOTHING);
    },
    /** One drag is one undo step however many moves it reports. */
    move: (positions: ReadonlyMap<string, XY>, dragKey: string) => setHistory((h) => commit(h, moveNodes(h.present, positions), dragKey)),
    /** Typing in one field is one undo step. */
    update: <K extends NodeKind>(id: string, kind: K, data: NodeDataByKind[K], field: string) => apply(updateNodeData(graph, id, kind, data), `${id}:${field}`),
    updateHeader: (header: Partial<Pick<RulesetHeader, 'name' | 'description' | 'rankBy'>>, field: string) => apply(updateHeader(graph, header), `ruleset:${field}`),
    /** An edit made elsewhere than on the canvas (the decision table), as one undo step per `key`. */
    edit: (next: RulesGraph, key: string | null) => apply(next, key),
    layout: () => apply(layoutForest(graph)),
    replace: (next: RulesGraph) => {
      apply(next);
      setSelection(NOTHING);
    },
    canCopy: selection.nodes.length > 0,
    copy: () => {
      if (selection.nodes.length > 0) setClipboard({ fragment: copyNodes(graph, selection.nodes), pastes: 0 });
    },
    canPaste: clipboard !== null,
    paste: () => {
      if (!clipboard) return;
      const shift = PASTE_OFFSET * (clipboard.pastes + 1);
      const pasted = pasteFragment(graph, clipboard.fragment, { x: shift, y: shift });
      apply(pasted.graph);
      setClipboard({ ...clipboard, pastes: clipboard.pastes + 1 });
      setSelection({ nodes: pasted.ids, edges: [] });
    },
  };
}

export type RulesEditor = ReturnType<typeof useRulesEditor>;

/** A node just linked goes right of its parent, below the parent's other children. */
function besideParent(graph: RulesGraph, parentId: string, childId: string): RulesGraph {
  const index = indexGraph(graph);
  const parent = index.node.get(parentId)!;
  const siblings = (index.children.get(parentId) ?? []).length - 1;
  const position = { x: parent.position.x + NODE_SIZE[parent.type].width + CHILD_GAP.x, y: parent.position.y + siblings * CHILD_GAP.y };
  return moveNodes(graph, new Map([[childId, position]]));
}
