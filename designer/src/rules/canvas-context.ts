import { createContext, useContext } from 'react';
import type { DiffMark } from '../graph/diff-graph.ts';
import type { CanvasProblem } from '../graph/graph-problems.ts';
import type { NodePaint } from '../graph/paint-path.ts';

/** Through context, so new problems, a painted path or a diff do not make React Flow re-create nodes. */
export interface CanvasState {
  readOnly: boolean;
  /** Problems by node id. */
  problems: ReadonlyMap<string, readonly CanvasProblem[]>;
  /** The path a test run took, by node id. */
  paint: ReadonlyMap<string, NodePaint>;
  /** How each node differs from an older version, by node id. */
  diff: ReadonlyMap<string, DiffMark>;
}

export const NO_MARKS = new Map<string, never>();

export const CanvasContext = createContext<CanvasState>({ readOnly: true, problems: NO_MARKS, paint: NO_MARKS, diff: NO_MARKS });

export const useCanvas = () => useContext(CanvasContext);
