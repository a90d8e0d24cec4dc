import { z } from 'zod';
import type { DecisionPointId } from './decision-points.ts';
import { jsonKey, oneLine } from './text.ts';

/** The decision points whose rules the simulator runs: a backtest of the others would show nothing. */
export const SIMULATED_DECISION_POINTS = ['priority', 'release'] as const satisfies readonly DecisionPointId[];
export const isSimulated = (dp: DecisionPointId): dp is (typeof SIMULATED_DECISION_POINTS)[number] => (SIMULATED_DECISION_POINTS as readonly string[]).includes(dp);

/** The policies a draft is compared with besides the rules in force, on the same random numbers. */
export const BACKTEST_BASELINES = ['immediate', 'fifo', 'edd', 'conwip'] as const;
export type BacktestBaseline = (typeof BACKTEST_BASELINES)[number];

export const BASELINE_LABELS: Record<BacktestBaseline, string> = {
  immediate: 'Immediate release',
  fifo: 'First in, first out',
  edd: 'Earliest due date',
  conwip: 'CONWIP',
};

/** Bounds that keep one backtest within a few minutes of one core; the API's time limit stops the rest. */
export const BACKTEST_LIMITS = { replications: 30, horizon: 20_000, params: 20 } as const;

/** A scenario's setting; null where it takes "none" (the job shop without a norm). */
const paramValue = z.union([z.number().min(-1e9).max(1e9), z.boolean(), oneLine(200), z.null()]);

/** `POST /rulesets/:decisionPoint/backtest`: a draft put through a simulated operation next to the rules in force. */
export const backtestRequest = z
  .strictObject({
    /** The draft to try (the canvas's unsaved edits); without it, the stored draft. */
    definition: z.unknown().optional(),
    scenario: oneLine(60, 'name a scenario, e.g. "job-shop"'),
    /** The scenario's own settings (e.g. its norms or order counts); each scenario says which it takes. */
    params: z
      .record(jsonKey(60), paramValue)
      .refine((p) => Object.keys(p).length <= BACKTEST_LIMITS.params, `at most ${BACKTEST_LIMITS.params} parameters`)
      .optional(),
    replications: z.number().int().min(1).max(BACKTEST_LIMITS.replications).default(3),
    seed: z.number().int().min(0).max(2_147_483_647).default(1),
    /** In the scenario's time unit (the job shop's is an hour); the scenario's own when absent. */
    horizon: z.number().positive().max(BACKTEST_LIMITS.horizon).optional(),
    warmUp: z.number().min(0).max(BACKTEST_LIMITS.horizon).optional(),
    baselines: z
      .array(z.enum(BACKTEST_BASELINES))
      .max(BACKTEST_BASELINES.length)
      .refine((b) => new Set(b).size === b.length, 'name each baseline once')
      .default(['immediate']),
    /** Orders on the floor at most, for the CONWIP baseline. */
    conwipLimit: z.number().int().min(1).max(10_000).default(30),
  })
  .refine((r) => r.horizon === undefined || r.warmUp === undefined || r.warmUp < r.horizon, { message: 'the warm-up must end before the horizon', path: ['warmUp'] });
export type BacktestRequestBody = z.input<typeof backtestRequest>;

/** A mean over the replications with its 95% confidence interval's half width. */
export const kpi = z.object({ mean: z.number(), halfWidth: z.number() });
export type Kpi = z.infer<typeof kpi>;

export const backtestSample = z.object({ t: z.number(), pool: z.number(), wip: z.record(z.string(), z.number()), load: z.record(z.string(), z.number()) });
export type BacktestSample = z.infer<typeof backtestSample>;

/** Which side of the comparison a policy is. */
export const POLICY_ROLES = ['draft', 'published', 'baseline'] as const;
export type PolicyRole = (typeof POLICY_ROLES)[number];

export const backtestPolicyResult = z.object({
  label: z.string(),
  role: z.enum(POLICY_ROLES),
  kpis: z.record(z.string(), kpi),
  series: z.array(backtestSample),
  /** False when the pool grows without bound: the policy cannot keep up with what arrives. */
  stable: z.boolean(),
  /**
   * Each KPI minus the draft's (the first policy), paired by replication on the same random numbers: its
   * interval is far narrower than the two figures' intervals, so it tells a real difference from chance.
   */
  delta: z.record(z.string(), kpi).optional(),
});
export type BacktestPolicyResult = z.infer<typeof backtestPolicyResult>;

export const backtestResult = z.object({
  scenario: z.string(),
  replications: z.number(),
  horizon: z.number(),
  warmUp: z.number(),
  seed: z.number(),
  policies: z.array(backtestPolicyResult),
  /** For a recorded day: the orders the draft decides differently, with why. */
  changedDecisions: z.array(z.object({ orderId: z.string(), reference: z.string().nullable(), before: z.string(), after: z.string(), explanation: z.string() })).optional(),
});
export type BacktestResult = z.infer<typeof backtestResult>;

/** One line of the answer's NDJSON stream: progress lines, then the result or an error. */
export const backtestLine = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), done: z.number().int(), total: z.number().int() }),
  z.object({ type: z.literal('result'), result: backtestResult }),
  z.object({ type: z.literal('error'), error: z.object({ code: z.string(), message: z.string() }) }),
]);
export type BacktestLine = z.infer<typeof backtestLine>;

export const BACKTEST_CONTENT_TYPE = 'application/x-ndjson';

/**
 * The run a person can wait for beside the canvas: a few seconds on one core for three or four policies.
 * The publish dialog offers it; the Backtest panel starts from each scenario's quick settings. The job shop
 * gets a norm from the literature's range: without one every order goes at the next period, and a
 * priority draft, which only orders the pool, changes nothing.
 */
export const QUICK_BACKTEST = { scenario: 'job-shop', horizon: 1_500, warmUp: 500, replications: 3, params: { norm: 5 } } as const;

/** `GET /backtest-scenarios`: what can be simulated, with settings that finish in a few seconds. */
export const backtestScenario = z.object({
  name: z.string(),
  description: z.string(),
  /** The scenario's time unit, in which the horizon, the warm-up and the times of its KPIs are. */
  timeUnit: z.string(),
  quick: z.object({ horizon: z.number(), warmUp: z.number(), replications: z.number() }),
  /** The scenario's own settings, as the panel starts with them: the scenario's defaults and the quick run's. */
  params: z.record(z.string(), z.union([z.number(), z.boolean(), z.string(), z.null()])),
});
export type BacktestScenario = z.infer<typeof backtestScenario>;
