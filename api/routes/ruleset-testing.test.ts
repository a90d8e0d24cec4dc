import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderState } from '../../domain/lifecycle.ts';
import type { RulesetDefinition } from '../../domain/ruleset.ts';
import type { RulesImpact, TestCaseView } from '../../domain/ruleset-testing.ts';
import { DEFAULT_RULESETS, defaultPriorityRuleset } from '../../rules/defaults/index.ts';
import { DecisionRecord } from '../../store/decision.entity.ts';
import { OrderRecord } from '../../store/order.entity.ts';
import { ResourceRecord } from '../../store/resource.entity.ts';
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
    expect(impact.orders.find((o) => o.orderId === 'impact-low')).toMatchObject({ reference: 'impact-low', account: 'account of impact-low' });

    const unchanged = await json<RulesImpact>(post('/rulesets/priority/impact', { definition: defaultPriorityRuleset }));
    expect(unchanged).toMatchObject({ waitingOrders: 3, changed: 0, orders: [] });

    // A rank by reorders the pools whatever the points (here: the most slack first); the points and their summaries stay.
    const rankBy = { expression: 'slackHours', direction: 'descending', points: 'tie_breaker' };
    const bySlack = await json<RulesImpact>(post('/rulesets/priority/impact', { definition: { ...defaultPriorityRuleset, rankBy } }));
    expect(Object.fromEntries(bySlack.orders.map((o) => [o.orderId, [o.before.rank, o.after.rank, o.after.summary]]))).toEqual({
      'impact-urgent': [1, 3, 'score 40'],
      'impact-low': [3, 1, 'score -10'],
    });
  });

  it('previews release, assignment, return and remit drafts on the waiting orders, from their stored state as the live decisions see it', async () => {
    const draft = (dp: 'release' | 'assignment' | 'return' | 'remit', change: (d: RulesetDefinition) => void) => {
      const d = structuredClone(DEFAULT_RULESETS[dp]);
      change(d);
      return post(`/rulesets/${dp}/impact`, { definition: d });
    };
    const summaries = (impact: RulesImpact) => Object.fromEntries(impact.orders.map((o) => [o.orderId, [o.before.summary, o.after.summary]]));

    // The area takes one order at a time: under the rules in force the best-ranked goes and the others wait for the limit.
    const release = await json<RulesImpact>(draft('release', (d) => (d.rules = d.rules.filter((r) => r.name !== 'Area full'))));
    expect(release).toMatchObject({ waitingOrders: 3, notJudged: 0, changed: 2 });
    expect(summaries(release)).toEqual({
      'impact-normal': ['wait (reason "The work area is at its WIP limit.")', 'release'],
      'impact-low': ['wait (reason "The work area is at its WIP limit.")', 'release'],
    });

    const em = h.store.em.fork();
    em.create(ResourceRecord, { id: 'ana', workAreaId: h.workAreaId, name: 'Ana', kind: 'driver', zone: null, skills: [], capacity: 2, available: true, carrierType: 'internal' });
    await em.flush();
    const assignment = await json<RulesImpact>(draft('assignment', (d) => d.rules.unshift({ name: 'Nobody', description: 'Skips everyone.', priority: 100, conditions: { all: [{ fact: 'resourceLoad', operator: 'greaterThanInclusive', value: 0 }] }, event: { type: 'skip', params: { reason: 'No.' } } })));
    expect(assignment).toMatchObject({ notJudged: 0, changed: 3 });
    expect(summaries(assignment)['impact-low']).toEqual(['assign (preference 0) to ana', 'nobody eligible: escalate to a dispatcher']);

    // Never returned: no reason yet, and no failed attempt.
    const ret = await json<RulesImpact>(draft('return', (d) => (d.rules.find((r) => r.name === 'Three failed attempts')!.conditions = { all: [{ fact: 'attempts', operator: 'greaterThanInclusive', value: 0 }] })));
    expect(ret).toMatchObject({ notJudged: 0, changed: 3 });
    expect(summaries(ret)['impact-low']).toEqual(['requeue', 'close (reason "Three delivery attempts failed.")']);

    const remit = await json<RulesImpact>(draft('remit', (d) => (d.rules.find((r) => r.name === 'Nothing to collect')!.event = { type: 'require_remit', params: {} })));
    expect(remit).toMatchObject({ notJudged: 0, changed: 3 });
    expect(summaries(remit)['impact-low']).toEqual(['clear', 'require_remit']);
  });

  it('test-runs real orders at every decision point, with the facts the live decision would see', async () => {
    type Run = { results: { orderId: string; facts: Record<string, unknown> }[] };
    const run = (dp: string) => json<Run>(post(`/rulesets/${dp}/test`, { orderIds: ['impact-low'] }));
    expect((await run('intake')).results[0]).toMatchObject({ orderId: 'impact-low', facts: { statedPriority: 'low', paymentMode: 'prepaid', lineCount: 1 } });
    expect((await run('release')).results[0]?.facts).toMatchObject({ areaId: h.workAreaId, areaWip: 1, areaWipLimit: 1, areaQueueLength: 2, priorityScore: -10 });
    expect((await run('assignment')).results.map((r) => r.facts)).toMatchObject([{ resourceId: 'ana', resourceLoad: 0, resourceCapacity: 2 }]);
    expect((await run('return')).results[0]?.facts).toEqual({ kind: 'pick', orderValue: 10, attempts: 0 });
    expect((await run('remit')).results[0]?.facts).toEqual({ paymentMode: 'prepaid', amountExpected: 0 });
    // An order that is in no pool and that no cycle judged has no release facts to show.
    const gone = await post('/rulesets/release/test', { orderIds: ['impact-released'] });
    expect(gone.status).toBe(400);
    expect((await json<{ error: { message: string } }>(gone)).error.message).toMatch(/not in a pool and no release cycle has judged it/);
  });

  it('finds orders by id, reference or account', async () => {
    const found = await json<{ orders: { id: string }[] }>(h.request('/orders?q=impact-n&limit=5'));
    expect(found.orders.map((o) => o.id)).toEqual(['impact-normal']);
    const byAccount = await json<{ orders: { id: string }[] }>(h.request('/orders?q=ACCOUNT%20OF%20impact-u'));
    expect(byAccount.orders.map((o) => o.id)).toEqual(['impact-urgent']);
  });

  it('previews an escalation draft on the orders whose deadline is running, in the state they are in', async () => {
    await waiting('deadline-queued', 'normal', 30);
    await waiting('deadline-assigned', 'normal', 30, 'assigned');
    await waiting('deadline-escalated', 'normal', 30, 'escalated');
    const em = h.store.em.fork();
    for (const [orderId, state] of [['deadline-queued', 'queued'], ['deadline-assigned', 'assigned'], ['deadline-escalated', 'escalated']] as const) {
      em.create(DecisionRecord, {
        id: `${orderId}-deadline`, orderId, decisionPoint: 'escalation', rulesetId: 'escalation', rulesetName: 'Escalation', rulesetVersion: 1, facts: { state },
        outcome: { score: null, chosen: { type: 'deadline', params: { minutes: 240, role: 'dispatcher' } }, events: [] }, rules: [], decidedAt: new Date(),
      });
    }
    await em.flush();

    const draft = structuredClone(DEFAULT_RULESETS.escalation);
    for (const rule of draft.rules) if (rule.name === 'Queued' || rule.name === 'Assigned, not started') rule.event.params = { minutes: 30, role: 'ops_manager' };
    const impact = await json<RulesImpact>(post('/rulesets/escalation/impact', { definition: draft }));
    // The pool's other orders decided no deadline here; the escalated one keeps its escalation.
    expect(impact).toMatchObject({ waitingOrders: 2, notJudged: 0, changed: 2 });
    expect(Object.fromEntries(impact.orders.map((o) => [o.orderId, [o.state, o.before.summary, o.after.summary]]))).toEqual({
      'deadline-assigned': ['assigned', 'deadline (minutes 120, role "dispatcher")', 'deadline (minutes 30, role "ops_manager")'],
      'deadline-queued': ['queued', 'deadline (minutes 240, role "dispatcher")', 'deadline (minutes 30, role "ops_manager")'],
    });
    // The rules in force as a draft change nothing, on either store (jsonb keeps the parameters in an order of its own).
    expect(await json<RulesImpact>(post('/rulesets/escalation/impact', { definition: DEFAULT_RULESETS.escalation }))).toMatchObject({ waitingOrders: 2, changed: 0 });
  });
});
