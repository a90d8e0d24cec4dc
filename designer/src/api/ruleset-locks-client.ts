import type { DecisionPointId } from '../../../domain/decision-points.ts';
import type { RulesetLocks, RulesetLocksView } from '../../../domain/ruleset-locks.ts';
import { rulesetPath } from './client.ts';
import { request } from './request.ts';

export function getRulesetLocks(dp: DecisionPointId, signal?: AbortSignal): Promise<RulesetLocksView> {
  return request<RulesetLocksView>(rulesetPath(dp, '/locks'), { signal });
}

export function saveRulesetLocks(dp: DecisionPointId, locks: RulesetLocks): Promise<RulesetLocksView> {
  return request<RulesetLocksView>(rulesetPath(dp, '/locks'), { method: 'PUT', body: locks });
}
