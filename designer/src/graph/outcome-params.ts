import { z } from 'zod';
import { DECISION_POINT_SPECS, type DecisionPointId, type OutcomeSpec } from '../../../domain/decision-points.ts';
import type { NodeDataByKind } from './rules-graph-model.ts';

/** One parameter of an outcome, as its editor needs it; read off the outcome's zod schema. */
export type ParamField =
  | { name: string; kind: 'number'; integer: boolean }
  | { name: string; kind: 'enum'; options: string[] }
  | { name: string; kind: 'text' };

export const outcomeSpec = (dp: DecisionPointId, type: string): OutcomeSpec | undefined => DECISION_POINT_SPECS[dp].outcomes.find((o) => o.type === type);

export function paramFields(spec: OutcomeSpec): ParamField[] {
  return Object.entries(spec.params.shape).map(([name, schema]): ParamField => {
    if (schema instanceof z.ZodNumber) return { name, kind: 'number', integer: schema.isInt };
    if (schema instanceof z.ZodEnum) return { name, kind: 'enum', options: schema.options.map(String) };
    return { name, kind: 'text' };
  });
}

/** The first value each parameter accepts, or an empty one the person is then asked to fill in. */
function defaultParam(field: ParamField, schema: z.ZodType): unknown {
  if (field.kind === 'enum') return field.options[0];
  if (field.kind === 'number') return schema.safeParse(0).success ? 0 : 1;
  return '';
}

export function newOutcome(spec: OutcomeSpec): NodeDataByKind['outcome'] {
  const params = Object.fromEntries(paramFields(spec).map((field) => [field.name, defaultParam(field, spec.params.shape[field.name] as z.ZodType)]));
  return { type: spec.type, params };
}

/** Another outcome type: parameters of the same name that the new type accepts are kept (a reason, a role). */
export function withOutcomeType(dp: DecisionPointId, outcome: NodeDataByKind['outcome'], type: string): NodeDataByKind['outcome'] {
  const spec = outcomeSpec(dp, type);
  if (!spec) return { type, params: outcome.params };
  const fresh = newOutcome(spec);
  const params = Object.fromEntries(
    Object.entries(fresh.params).map(([name, value]) => {
      const kept = outcome.params[name];
      return [name, kept !== undefined && (spec.params.shape[name] as z.ZodType).safeParse(kept).success ? kept : value];
    }),
  );
  return { type, params };
}
