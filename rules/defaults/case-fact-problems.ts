import { DECISION_POINT_SPECS, type DecisionPointId, type FactSpec } from '../../domain/decision-points.ts';
import { isDateTime } from '../date-instant.ts';

function fitsType(spec: FactSpec, value: unknown): boolean {
  switch (spec.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'enum':
      return typeof value === 'string' && (spec.values ?? []).includes(value);
    case 'list':
      return Array.isArray(value) && value.every((item) => typeof item === 'string');
    case 'date':
      return isDateTime(value);
  }
}

/**
 * How the facts of a stored case do not fit the decision point's catalogue. A misspelt fact would
 * otherwise pass as a missing one, and the case would test something else than its name says.
 */
export function caseFactProblems(decisionPoint: DecisionPointId, facts: Record<string, unknown>): string[] {
  const specs = new Map(DECISION_POINT_SPECS[decisionPoint].facts.map((fact) => [fact.name, fact]));
  return Object.entries(facts).flatMap(([name, value]) => {
    const spec = specs.get(name);
    if (!spec) return [`"${name}" is not a fact of ${decisionPoint}`];
    return fitsType(spec, value) ? [] : [`${JSON.stringify(value)} is not a valid ${spec.type} value for "${name}"`];
  });
}
