import { useMemo, useState } from 'react';
import type { RuleExplanation } from '../../../domain/decision.ts';
import type { RulesetDefinition } from '../../../domain/ruleset.ts';
import type { CompiledGraph } from '../graph/compile-graph.ts';
import { paintPath, type NodePaint } from '../graph/paint-path.ts';
import { NO_MARKS } from './canvas-context.ts';

/** One run's explanation, with the rules it ran: a path only fits the canvas while it compiles to those rules. */
export interface RunPath {
  /** Which result it is, so the list that offered it can show it chosen. */
  key: string;
  label: string;
  definition: RulesetDefinition;
  rules: readonly RuleExplanation[];
}

export interface PaintedPath {
  shown: RunPath | null;
  /** The canvas was edited after the run: the path is no longer painted. */
  stale: boolean;
  paint: ReadonlyMap<string, NodePaint>;
  show: (path: RunPath) => void;
  clear: () => void;
}

/**
 * The test-run path painted on a canvas. It is mapped onto the nodes of the canvas as it compiles now;
 * moving nodes keeps it, any edit that changes the rules hides it, and undoing that edit brings it back.
 */
export function usePaintedPath(compiled: CompiledGraph): PaintedPath {
  const [shown, setShown] = useState<RunPath | null>(null);
  const ran = useMemo(() => (shown ? JSON.stringify(shown.definition) : null), [shown]);
  const current = useMemo(() => (shown ? JSON.stringify(compiled.definition) : null), [shown, compiled.definition]);
  const stale = ran !== null && ran !== current;
  const paint = useMemo(() => (shown && !stale ? paintPath(compiled.nodeAtPath, shown.rules) : NO_MARKS), [shown, stale, compiled.nodeAtPath]);
  return { shown, stale, paint, show: setShown, clear: () => setShown(null) };
}
