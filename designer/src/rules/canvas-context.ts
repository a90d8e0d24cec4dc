import { createContext, useContext } from 'react';
import type { DiffMark } from '../graph/diff-graph.ts';
import type { CanvasProblem } from '../graph/graph-problems.ts';
import type { NodePaint } from '../graph/paint-path.ts';
import type { NodeDataByKind } from '../graph/rules-graph-model.ts';

/** Through context, so new problems, a painted path or a diff do not make React Flow re-create nodes. */
export interface CanvasState {
  readOnly: boolean;
  /** Problems by node id. */
  problems: ReadonlyMap<string, readonly CanvasProblem[]>;
  /** The path a test run took, by node id. */
  paint: ReadonlyMap<string, NodePaint>;
  /** How each node differs from an older version, by node id. */
  diff: ReadonlyMap<string, DiffMark>;
  /** What the search box found; `current` is the one in view. */
  found: { ids: ReadonlySet<string>; current: string | null };
  /** Rules shown folded, with their outcome in place of their nodes. */
  collapsed: ReadonlySet<string>;
  outcomes: ReadonlyMap<string, NodeDataByKind['outcome']>;
  onToggleRule: (id: string) => void;
}

export const NO_MARKS = new Map<string, never>();

export const NOTHING_FOUND: CanvasState['found'] = { ids: new Set(), current: null };

export const CanvasContext = createContext<CanvasState>({
  readOnly: true,
  problems: NO_MARKS,
  paint: NO_MARKS,
  diff: NO_MARKS,
  found: NOTHING_FOUND,
  collapsed: new Set(),
  outcomes: NO_MARKS,
  onToggleRule: () => {},
});

export const useCanvas = () => useContext(CanvasContext);
