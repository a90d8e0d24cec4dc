import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderState } from '../../domain/lifecycle.ts';
import type { RulesetDefinition } from '../../domain/ruleset.ts';
import type { RulesImpact, TestCaseView } from '../../domain/ruleset-testing.ts';
import { defaultPriorityRuleset } from '../../rules/defaults/index.ts';
import { OrderRecord } from '../../store/order.entity.ts';
import { createHarness, type Harness } from '../../test/sluice-harness.ts';

/** Trying rules before publishing them: stored test cases, facts of real orders, and the impact on waiting orders. */
describe('ruleset testing', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const json = async <T>(res: Response | Promise<Response>) => (await (await res).json()) as T;
  const post = (path: string, body: unknown, role: 'ops_manager' | 'dispatcher' = 'ops_manager') => h.request(path, { method: 'POST', role, body: JSON.stringify(body) });
  /** The default priority rules, with low-priority orders pushed to the top of the pool. */
  const lowFirst = (): RulesetDefinition => {
    const d = structuredClone(defaultPriorityRuleset);
    d.rules.push({ name: 'Low first', description: 'A test of the impact preview.', priority: 1, conditions: { all: [{ fact: 'statedPriority', operator: 'equal', value: 'low' }] }, event: { type: 'score', params: { points: 1000 } } });
    return d;
  };
  // The preview reads the pools from the store, so waiting orders are written there directly.
  const waiting = async (id: string, statedPriority: 'low' | 'normal' | 'urgent', dueInHours: number, state: OrderState = 'queued') => {
    const em = h.store.em.fork();
    em.create(OrderRecord, {
      id,
      reference: id,
      account: `account of ${id}`,
      kind: 'pick',
      statedPriority,
      dueAt: new Date(Date.now() + dueInHours * 3_600_000),
      workAreaId: h.workAreaId,
      lines: [{ sku: 'A', qty: 1, price: 10 }],
      state,
      inPool: state === 'queued',
      queuedAt: new Date(),
    });
    await em.flush();
  };

  it('ships every default ruleset with its test cases, all passing', async () => {
    for (const dp of ['intake', 'release', 'remit'] as const) {
      const { results } = await json<{ results: { testCase: TestCaseView; passed: boolean | null }[] }>(post(`/rulesets/${dp}/test-cases/run`, {}, 'dispatcher'));
      expect(results.length).toBeGreaterThan(2);
      expect(results.filter((r) => r.passed !== true).map((r) => r.testCase.name)).toEqual([]);
      expect(results[0]!.testCase.createdBy).toBe('system');
    }
  });

  it('stores a test case, runs every case against a draft, and says which still pass', async () => {
    const facts = { statedPriority: 'low', slackHours: 30, orderValue: 10, kind: 'pick', lineCount: 1, ageMinutes: 5 };
    expect((await post('/rulesets/priority/test-cases', { name: 'Low with slack', facts }, 'dispatcher')).status).toBe(403);
    const refused = await post('/rulesets/priority/test-cases', { name: ' ', facts });
    expect(refused.status).toBe(400);
    const saved = await json<TestCaseView>(post('/rulesets/priority/test-cases', { name: 'Low with slack', facts, expected: { events: [], score: -10, chosen: null } }));
    expect(saved).toMatchObject({ decisionPoint: 'priority', name: 'Low with slack', createdBy: 'token:test ops_manager' });
    await post('/rulesets/priority/test-cases', { name: 'Anything goes', facts });

    type Run = { results: { testCase: TestCaseView; outcome: { score: number }; passed: boolean | null }[] };
    const ours = (run: Run) => run.results.filter((r) => r.testCase.createdBy !== 'system');
    const inForce = await json<Run>(post('/rulesets/priority/test-cases/run', {}, 'dispatcher'));
    expect(ours(inForce).map((r) => [r.testCase.name, r.outcome.score, r.passed])).toEqual([
      ['Low with slack', -10, true],
      ['Anything goes', -10, null],
    ]);
    const draft = await json<Run>(post('/rulesets/priority/test-cases/run', { definition: lowFirst() }));
    expect(ours(draft).map((r) => [r.outcome.score, r.passed])).toEqual([
      [990, false],
      [990, null],
    ]);

    const { testCases } = await json<{ testCases: TestCaseView[] }>(h.request('/rulesets/priority/test-cases'));
    expect(testCases.slice(-2).map((c) => c.name)).toEqual(['Low with slack', 'Anything goes']);
    expect((await h.request(`/rulesets/priority/test-cases/${saved.id}`, { method: 'DELETE', role: 'ops_manager' })).status).toBe(204);
    expect((await h.request(`/rulesets/priority/test-cases/${saved.id}`, { method: 'DELETE', role: 'ops_manager' })).status).toBe(404);
  });

  it('previews which waiting orders a draft would rank or decide differently, and leaves the others out', async () => {
    await waiting('impact-urgent', 'urgent', 2);
    await waiting('impact-normal', 'normal', 3);
    await waiting('impact-low', 'low', 30);
    await waiting('impact-released', 'low', 30, 'released');

    const impact = await json<RulesImpact>(post('/rulesets/priority/impact', { definition: lowFirst() }));
    expect(impact).toMatchObject({ publishedVersion: 1, waitingOrders: 3, notJudged: 0, changed: 3 });
    expect(Object.fromEntries(impact.orders.map((o) => [o.orderId, [o.before.rank, o.after.rank, o.after.summary]]))).toEqual({
      'impact-urgent': [1, 2, 'score 40'],
      'impact-normal': [2, 3, 'score 30'],
      'impact-low': [3, 1, 'score 990'],
    });

    const unchanged = await json<RulesImpact>(post('/rulesets/priority/impact', { definition: defaultPriorityRuleset }));
    expect(unchanged).toMatchObject({ waitingOrders: 3, changed: 0, orders: [] });
    // Return facts exist only once an order came back, so waiting orders cannot be judged by return rules.
    expect(await json<RulesImpact>(post('/rulesets/return/impact', {}))).toMatchObject({ waitingOrders: 3, notJudged: 3, changed: 0 });
  });

  it('test-runs real orders at every decision point that judges the order as it stands, and explains the others', async () => {
    const intake = await json<{ results: { orderId: string; facts: Record<string, unknown> }[] }>(post('/rulesets/intake/test', { orderIds: ['impact-low'] }));
    expect(intake.results[0]).toMatchObject({ orderId: 'impact-low', facts: { statedPriority: 'low', paymentMode: 'prepaid', lineCount: 1 } });
    const ret = await post('/rulesets/return/test', { orderIds: ['impact-low'] });
    expect(ret.status).toBe(400);
    expect((await json<{ error: { message: string } }>(ret)).error.message).toMatch(/has not reached the return decision yet/);
  });

  it('finds orders by id, reference or account', async () => {
    const found = await json<{ orders: { id: string }[] }>(h.request('/orders?q=impact-n&limit=5'));
    expect(found.orders.map((o) => o.id)).toEqual(['impact-normal']);
    const byAccount = await json<{ orders: { id: string }[] }>(h.request('/orders?q=ACCOUNT%20OF%20impact-u'));
    expect(byAccount.orders.map((o) => o.id)).toEqual(['impact-urgent']);
  });
});
