import type { EntityManager } from '@mikro-orm/sql';
import type { DecisionPointId } from '../domain/decision-points.ts';
import type { RulesetDefinition } from '../domain/ruleset.ts';
import type { testCaseResult } from '../domain/ruleset-testing.ts';
import type { z } from 'zod';
import { compileRuleset } from '../rules/compile-ruleset.ts';
import { summarizeOutcome } from '../rules/outcome-summary.ts';
import { RulesetTestCaseRecord } from '../store/ruleset-test-case.entity.ts';
import { UserError } from './errors.ts';

type TestCaseResult = z.infer<typeof testCaseResult>;

export const testCaseOf = (r: RulesetTestCaseRecord) => ({ ...r, expected: r.expected ?? null, decisionPoint: r.decisionPoint as DecisionPointId, createdAt: r.createdAt.toISOString() });

/** Every stored case of the decision point, run under `definition`, oldest first. */
export async function runStoredCases(em: EntityManager, definition: RulesetDefinition): Promise<TestCaseResult[]> {
  const rules = compileRuleset(definition);
  const cases = await em.find(RulesetTestCaseRecord, { decisionPoint: definition.decisionPoint }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  return cases.map((testCase) => {
    const { outcome, rules: explained } = rules.evaluate(testCase.facts);
    const passed = testCase.expected ? summarizeOutcome(testCase.expected) === summarizeOutcome(outcome) : null;
    return { testCase: testCaseOf(testCase), outcome, rules: explained, passed };
  });
}

export interface FailedCase {
  name: string;
  expected: string;
  got: string;
}

/** The stored cases `definition` fails, each with what it expected and what it got. */
export async function failingCases(em: EntityManager, definition: RulesetDefinition): Promise<FailedCase[]> {
  return (await runStoredCases(em, definition))
    .filter((r) => r.passed === false)
    .map((r) => ({ name: r.testCase.name, expected: summarizeOutcome(r.testCase.expected), got: summarizeOutcome(r.outcome) }));
}

const LISTED = 5;

/**
 * Failing stored cases block a publish: a case is someone's statement of what the rules must keep deciding.
 * An override with a reason lets it through (the reason goes to the audit log with the publish).
 */
export function refuseFailing(failed: readonly FailedCase[]): UserError {
  const named = [...failed]
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(0, LISTED).map((f) => `"${f.name}" (expected ${f.expected}, got ${f.got})`);
  const more = failed.length > LISTED ? ` and ${failed.length - LISTED} more` : '';
  const count = failed.length === 1 ? '1 stored test case fails' : `${failed.length} stored test cases fail`;
  return new UserError(
    409,
    'test_cases_failing',
    `${count} under these rules: ${named.join(', ')}${more}. Fix the rules or the cases, or publish with an override and a reason.`,
  );
}
