import { useEffect } from 'react';
import type { RulesetDefinition } from '../../../domain/ruleset.ts';
import { graphToRuleset, type CompiledGraph } from '../graph/compile-graph.ts';
import type { RulesGraph } from '../graph/rules-graph-model.ts';
import { rulesetToGraph } from '../graph/ruleset-to-graph.ts';

/** How long opening a ruleset took, for the browser test that holds a large ruleset to its budget. */
export interface DesignerTiming {
  nodes: number;
  /** Ruleset → graph, laid out. */
  layoutMs: number;
  /** Graph → ruleset, as every edit does it. */
  compileMs: number;
  /** From the start of the layout until the canvas had rendered the nodes. */
  totalMs: number;
}

declare global {
  interface Window {
    __sluiceDesignerTiming?: DesignerTiming;
  }
}

export interface OpenedRuleset {
  graph: RulesGraph;
  /** Compiled once here, so the designer does not compile the graph it opened again. */
  compiled: CompiledGraph;
  startedAt: number;
  layoutMs: number;
  compileMs: number;
}

/** A ruleset as a laid-out graph, and that graph compiled back, each step timed. */
export function openRuleset(definition: RulesetDefinition): OpenedRuleset {
  const startedAt = performance.now();
  const graph = rulesetToGraph(definition);
  const laidOut = performance.now();
  const compiled = graphToRuleset(graph);
  return { graph, compiled, startedAt, layoutMs: laidOut - startedAt, compileMs: performance.now() - laidOut };
}

/** Once a canvas has rendered a ruleset just opened (read-only or in the designer), sets `window.__sluiceDesignerTiming`; it logs nothing. */
export function useOpenTiming(opened: OpenedRuleset): void {
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const { graph, layoutMs, compileMs, startedAt } = opened;
      window.__sluiceDesignerTiming = { nodes: graph.nodes.length, layoutMs, compileMs, totalMs: performance.now() - startedAt };
    });
    return () => cancelAnimationFrame(frame);
  }, [opened]);
}
