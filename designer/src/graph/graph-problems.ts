import { validateRuleset } from '../../../rules/validate-ruleset.ts';
import { graphToRuleset, type CompiledGraph } from './compile-graph.ts';
import type { RulesGraph } from './rules-graph-model.ts';

export interface CanvasProblem {
  /** The node to badge and focus; null for the ruleset as a whole. */
  nodeId: string | null;
  /** Where in the JSON, for problems the validator found. */
  path: string | null;
  message: string;
  severity: 'error' | 'warning';
}

export interface GraphCheck {
  compiled: CompiledGraph;
  problems: CanvasProblem[];
  /** No errors: the compiled definition may be saved and published. */
  valid: boolean;
}

/** The node a JSON path points into: the one at the longest prefix of the path (`…all.0.value` → that condition). */
export function nodeForPath(nodeAtPath: ReadonlyMap<string, string>, path: string): string | null {
  const parts = path.split('.');
  for (let length = parts.length; length > 0; length--) {
    const id = nodeAtPath.get(parts.slice(0, length).join('.'));
    if (id !== undefined) return id;
  }
  return null;
}

/**
 * Everything wrong with the graph, each on its node: what keeps it from compiling, then what the
 * ruleset validator (the same one publishing runs) says about the rules it compiles to.
 */
export function checkGraph(graph: RulesGraph): GraphCheck {
  const compiled = graphToRuleset(graph);
  const structural = compiled.problems.map((p): CanvasProblem => ({ nodeId: p.nodeId, path: null, message: p.message, severity: 'error' }));
  const validated = validateRuleset(compiled.definition).problems.map(
    (p): CanvasProblem => ({ nodeId: nodeForPath(compiled.nodeAtPath, p.path), path: p.path, message: p.message, severity: p.severity }),
  );
  // With every rule still incomplete, "needs at least one rule" only repeats what the rules' own problems say.
  const relevant = structural.length > 0 && compiled.definition.rules.length === 0 ? validated.filter((p) => p.path !== 'rules') : validated;
  const problems = [...structural, ...relevant];
  return { compiled, problems, valid: !problems.some((p) => p.severity === 'error') };
}
