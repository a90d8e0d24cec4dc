import type { z } from 'zod';
import type { DecisionPointId } from '../../../domain/decision-points.ts';
import type { DecisionOutcome, RuleExplanation } from '../../../domain/decision.ts';
import type { RulesetDefinition } from '../../../domain/ruleset.ts';
import type { RulesImpact, testCaseResult, TestCaseView } from '../../../domain/ruleset-testing.ts';
import { rulesetPath } from './client.ts';
import { request } from './request.ts';

export type Facts = Record<string, unknown>;

export interface TestRunResult {
  /** The real order the facts are from; null for a facts document. */
  orderId: string | null;
  facts: Facts;
  outcome: DecisionOutcome;
  rules: RuleExplanation[];
}

export type TestCaseResult = z.infer<typeof testCaseResult>;

/** Runs rules that need not be saved (the canvas as it is) on facts, real orders, or both; nothing is stored. */
export async function testRules(dp: DecisionPointId, body: { definition: RulesetDefinition; facts?: Facts[]; orderIds?: string[] }): Promise<TestRunResult[]> {
  return (await request<{ results: TestRunResult[] }>(rulesetPath(dp, '/test'), { method: 'POST', body })).results;
}

export async function listTestCases(dp: DecisionPointId, signal?: AbortSignal): Promise<TestCaseView[]> {
  return (await request<{ testCases: TestCaseView[] }>(rulesetPath(dp, '/test-cases'), { signal })).testCases;
}

export function saveTestCase(dp: DecisionPointId, body: { name: string; facts: Facts; expected: DecisionOutcome | null }): Promise<TestCaseView> {
  return request<TestCaseView>(rulesetPath(dp, '/test-cases'), { method: 'POST', body });
}

export function deleteTestCase(dp: DecisionPointId, id: string): Promise<void> {
  return request<void>(rulesetPath(dp, `/test-cases/${encodeURIComponent(id)}`), { method: 'DELETE' });
}

export async function runTestCases(dp: DecisionPointId, definition: RulesetDefinition, signal?: AbortSignal): Promise<TestCaseResult[]> {
  return (await request<{ results: TestCaseResult[] }>(rulesetPath(dp, '/test-cases/run'), { method: 'POST', body: { definition }, signal })).results;
}

/** How the waiting orders would be judged under `definition`, next to the version in force. */
export function previewImpact(dp: DecisionPointId, definition: RulesetDefinition, signal?: AbortSignal): Promise<RulesImpact> {
  return request<RulesImpact>(rulesetPath(dp, '/impact'), { method: 'POST', body: { definition }, signal });
}
