/**
 * What an evaluator reports for one rule before it is explained: whether the rule's conditions held,
 * and the per-condition results in the shape json-rules-engine reports them (`toJSON(false)`). The
 * reference engine and the compiled evaluator both produce this, and share everything after it.
 */
export type EngineConditionResult =
  | { all: EngineConditionResult[] }
  | { any: EngineConditionResult[] }
  | { not: EngineConditionResult }
  | { fact: string; operator: string; value: unknown; result?: boolean; valueResult?: unknown };

export interface EngineRuleResult {
  held: boolean;
  conditions: EngineConditionResult;
}
