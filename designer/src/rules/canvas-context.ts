import { createContext, useContext } from 'react';
import type { CanvasProblem } from '../graph/graph-problems.ts';

export interface CanvasState {
  readOnly: boolean;
  /** Problems by node id; through context, so a new set of problems does not make React Flow re-create nodes. */
  problems: ReadonlyMap<string, readonly CanvasProblem[]>;
}

export const CanvasContext = createContext<CanvasState>({ readOnly: true, problems: new Map() });

export const useCanvas = () => useContext(CanvasContext);
