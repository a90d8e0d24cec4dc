import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backtestResult, backtestScenario, type BacktestLine, type BacktestRequestBody, type BacktestResult, type BacktestScenario } from '../../domain/backtest.ts';
import type { RulesetDefinition } from '../../domain/ruleset.ts';
import { defaultPriorityRuleset } from '../../rules/defaults/index.ts';
import { createHarness, eventually, type Harness } from '../../test/sluice-harness.ts';
import { createApp } from '../app.ts';
import { BacktestRuns } from '../backtest/backtest-runs.ts';

/** A job shop small enough to simulate in a second or two. */
const SMALL = { scenario: 'job-shop', replications: 2, horizon: 400, warmUp: 100, seed: 7 } as const;
/** One that runs far longer than any test waits for it. */
const LONG = { scenario: 'job-shop', replications: 30, horizon: 20_000, warmUp: 1_000, seed: 7 } as const;

const linesOf = async (res: Response): Promise<BacktestLine[]> =>
  (await res.text())
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as BacktestLine);

/** A draft that differs from the rules in force: late orders first. */
const lateFirst = (): RulesetDefinition => {
  const d = structuredClone(defaultPriorityRuleset);
  d.rules.push({ name: 'Late first', description: 'A test of the backtest.', priority: 1, conditions: { all: [{ fact: 'slackHours', operator: 'lessThan', value: 0 }] }, event: { type: 'score', params: { points: 500 } } });
  return d;
};

describe('backtest API', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  /** An app on the harness's store whose backtests run under the given limits. */
  const appWith = (runs: BacktestRuns) => createApp({ store: h.store, temporal: h.client, taskQueue: h.taskQueue, backtests: runs });
  const post = async (app: ReturnType<typeof createApp>, body: BacktestRequestBody, dp = 'priority', init: RequestInit = {}) =>
    app.request(`/rulesets/${dp}/backtest`, { method: 'POST', headers: { 'content-type': 'application/json', ...(await h.auth('ops_manager')) }, body: JSON.stringify(body), ...init });

  it('streams progress, then the draft, the rules in force and the baseline on the same seed', async () => {
    await h.request('/rulesets/priority/versions', { method: 'POST', role: 'ops_manager', body: JSON.stringify({ definition: defaultPriorityRuleset, note: 'in force for the backtest' }) });
    const res = await h.request('/rulesets/priority/backtest', { method: 'POST', role: 'ops_manager', body: JSON.stringify({ ...SMALL, definition: lateFirst(), baselines: ['immediate', 'edd'] }) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson');
    const lines = await linesOf(res);
    const progress = lines.filter((l) => l.type === 'progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ done: progress.at(-1)!.total });
    const last = lines.at(-1)!;
    expect(last.type).toBe('result');
    const { result } = last as { result: BacktestResult };
    // The shape the app reads: what the worker streams is the domain's schema, nothing more or less.
    expect(backtestResult.parse(result)).toEqual(result);
    expect(result.policies[1]!.delta, 'the rules in force minus the draft, replication by replication').toBeDefined();
    expect(result).toMatchObject({ scenario: 'job-shop', replications: 2, seed: 7 });
    expect(result.policies.map((p) => [p.label, p.role])).toEqual([
      ['Draft', 'draft'],
      ['In force', 'published'],
      ['Immediate release', 'baseline'],
      ['Earliest due date', 'baseline'],
    ]);
    for (const p of result.policies) {
      expect(Object.keys(p.kpis).length).toBeGreaterThan(0);
      expect(p.series.length).toBeGreaterThan(0);
    }
  });

  it('refuses with 429 and a message while the process runs as many as it may, and takes one again once it is free', async () => {
    const app = appWith(new BacktestRuns({ slots: 1 }));
    const first = await post(app, { ...LONG, definition: lateFirst() });
    expect(first.status).toBe(200);
    const busy = await post(app, { ...SMALL, definition: lateFirst() });
    expect(busy.status).toBe(429);
    expect(((await busy.json()) as { error: { code: string; message: string } }).error).toEqual({
      code: 'backtests_busy',
      message: 'This server is already running a backtest, as many as it runs at once; try again when one has finished.',
    });
    // Closing the stream stops the run; its worker's exit frees the slot.
    await first.body!.cancel();
    const again = await eventually(async () => {
      const res = await post(app, { ...SMALL, definition: lateFirst() });
      if (res.status === 429) {
        await res.body?.cancel();
        return undefined;
      }
      return res;
    }, 'the slot to be free again');
    expect((await linesOf(again)).at(-1)?.type).toBe('result');
  });

  it('stops a run at its time limit with a line that says so', async () => {
    const lines = await linesOf(await post(appWith(new BacktestRuns({ timeLimitMs: 300 })), { ...LONG, definition: lateFirst() }));
    expect(lines.at(-1)).toEqual({
      type: 'error',
      error: { code: 'time_limit', message: 'The backtest was stopped at its time limit of 0.3 seconds: try fewer replications or a shorter horizon.' },
    });
  });

  it.each([
    { what: 'an unknown scenario', dp: 'priority', body: { ...SMALL, scenario: 'moon-base' }, status: 400, message: /No scenario "moon-base": there are job-shop/ },
    { what: 'too many replications', dp: 'priority', body: { ...SMALL, replications: 31 }, status: 400, message: /replications/ },
    { what: 'a warm-up past the horizon', dp: 'priority', body: { ...SMALL, horizon: 100, warmUp: 100 }, status: 400, message: /warm-up must end before the horizon/ },
    { what: 'a scenario parameter out of range', dp: 'priority', body: { ...SMALL, definition: lateFirst(), params: { centres: 0 } }, status: 400, message: /^Job shop parameters: .*centres/s },
    { what: 'a parameter the scenario does not take', dp: 'priority', body: { ...SMALL, definition: lateFirst(), params: { moons: 2 } }, status: 400, message: /^Job shop parameters: .*moons/s },
    { what: 'a recorded day without its date', dp: 'priority', body: { ...SMALL, scenario: 'recorded-day', horizon: 48, warmUp: 0, params: { date: 'yesterday' }, definition: lateFirst() }, status: 400, message: /give params.date as YYYY-MM-DD/ },
    { what: 'a broken draft', dp: 'priority', body: { ...SMALL, definition: { decisionPoint: 'priority' } }, status: 400, message: /The ruleset has/ },
    { what: 'a draft of another decision point', dp: 'release', body: { ...SMALL, definition: defaultPriorityRuleset }, status: 400, message: /for priority, not release/ },
    { what: 'rules the simulation does not run', dp: 'intake', body: SMALL, status: 400, message: /the intake rules take no part in the simulation/ },
    { what: 'no draft given or stored', dp: 'release', body: SMALL, status: 404, message: /A draft of the release rules does not exist/ },
  ])('refuses $what with $status and a message', async ({ dp, body, status, message }) => {
    const res = await post(h.app, body as BacktestRequestBody, dp);
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
  });

  it('replays a recorded day read from the store, as the day\'s date names it', async () => {
    await h.postOrder('RECORDED-1', 4);
    const today = new Date().toISOString().slice(0, 10);
    const res = await post(h.app, { scenario: 'recorded-day', params: { date: today }, replications: 1, horizon: 48, warmUp: 0, definition: lateFirst() });
    expect(res.status).toBe(200);
    const last = (await linesOf(res)).at(-1)!;
    expect(last.type, JSON.stringify(last)).toBe('result');
    const { result } = last as { result: BacktestResult };
    expect(backtestResult.parse(result)).toEqual(result);
    expect(result).toMatchObject({ scenario: 'recorded-day', replications: 1 });
  });

  it('lists the scenarios with quick settings, to ops managers and admins only', async () => {
    const res = await h.request('/backtest-scenarios', { role: 'admin' });
    expect(res.status).toBe(200);
    const { scenarios } = (await res.json()) as { scenarios: BacktestScenario[] };
    expect(backtestScenario.array().parse(scenarios)).toEqual(scenarios);
    expect(scenarios.find((s) => s.name === 'recorded-day')).toMatchObject({ quick: { replications: 1 }, params: { date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } });
    expect(scenarios.find((s) => s.name === 'job-shop')).toMatchObject({ timeUnit: 'h', quick: { horizon: 1_500, warmUp: 500, replications: 3 }, params: { centres: 6, norm: 5 } });
    expect((await h.request('/backtest-scenarios', { role: 'dispatcher' })).status).toBe(403);
    expect((await h.request('/rulesets/priority/backtest', { method: 'POST', role: 'dispatcher', body: JSON.stringify(SMALL) })).status).toBe(403);
  });
});
