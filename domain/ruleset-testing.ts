import { z } from 'zod';
import { DECISION_POINTS } from './decision-points.ts';
import { decisionOutcome, ruleExplanation } from './decision.ts';
import { jsonKey, oneLine } from './text.ts';

/** Facts as a person writes them for a test: every fact has a name. */
export const factsDocument = z.record(jsonKey(100), z.unknown());

/** `POST /rulesets/:decisionPoint/test-cases`: keep a facts document with the outcome it should produce. */
export const newTestCase = z.strictObject({
  name: oneLine(120, 'name the case, e.g. "late COD order waits"'),
  facts: factsDocument,
  /** The outcome the rules should keep producing; null to keep the case without comparing. */
  expected: decisionOutcome.nullable().default(null),
});

export const testCaseView = z.object({
  id: z.string(),
  decisionPoint: z.enum(DECISION_POINTS),
  name: z.string(),
  facts: z.record(z.string(), z.unknown()),
  expected: decisionOutcome.nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type TestCaseView = z.infer<typeof testCaseView>;

/** A definition to try (the canvas's unsaved edits); without it, the draft, then the version in force. */
export const rulesUnderTest = z.strictObject({ definition: z.unknown().optional() });

export const testCaseResult = z.object({
  testCase: testCaseView,
  outcome: decisionOutcome,
  rules: z.array(ruleExplanation),
  /** Whether the outcome equals the expected one; null when the case expects nothing. */
  passed: z.boolean().nullable(),
});

const judged = z.object({ summary: z.string(), rank: z.number().nullable() });

/** How a draft would treat the orders waiting now, next to the version in force. */
export const rulesImpact = z.object({
  publishedVersion: z.number().nullable(),
  waitingOrders: z.number(),
  /** Waiting orders whose facts at this decision point are not known yet (they never reached it). */
  notJudged: z.number(),
  changed: z.number(),
  /** The changed orders, at most `LISTED_CHANGES` of them. */
  orders: z.array(z.object({ orderId: z.string(), reference: z.string().nullable(), account: z.string(), state: z.string(), workAreaId: z.string(), before: judged, after: judged })),
});
export type RulesImpact = z.infer<typeof rulesImpact>;
export const LISTED_CHANGES = 200;
