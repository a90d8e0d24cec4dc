import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDetail } from '../domain/order.ts';
import type { RulesetDefinition } from '../domain/ruleset.ts';
import type { ReleaseCycleView } from '../domain/release-cycle-view.ts';
import { defaultPriorityRuleset, DEFAULT_RULESETS } from '../rules/defaults/index.ts';
import { createHarness, eventually, type Harness } from '../test/sluice-harness.ts';
import { orderWorkflowId } from './definitions.ts';

/** Integration: publishing priority rules re-decides waiting orders and leaves released ones alone; escalation rules, running deadlines. */
describe('in-flight policy when priority rules are published', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ wipLimit: 1, worker: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  const until = (id: string, check: (o: OrderDetail) => boolean, what: string) => eventually(async () => ((o) => (check(o) ? o : undefined))(await h.getOrder(id)), what);
  const cycles = async () => ((await (await h.request(`/work-areas/${h.workAreaId}/cycles?limit=50`)).json()) as { cycles: ReleaseCycleView[] }).cycles;
  /** Once the announcement's cycle runs, every order it meant to signal has been signalled. */
  const announcementDone = (seen: number) => eventually(async () => ((all) => (all.filter((c) => c.triggers.includes('rules_published')).length > seen ? all : undefined))(await cycles()), 'a cycle for the publication');
  const signalsTo = async (orderId: string) => {
    const history = await h.client.workflow.getHandle(orderWorkflowId(orderId)).fetchHistory();
    return (history.events ?? []).filter((e) => e.workflowExecutionSignaledEventAttributes?.signalName === 'rulesPublished').length;
  };

  it('re-ranks queued orders with the new version and never rewrites a decision already acted upon', async () => {
    const released = await h.postOrder('RELEASED', 2);
    // Released orders are assigned at once, so either state shows the release happened.
    await until(released.id, (o) => o.state === 'released' || o.state === 'assigned', 'the first order to be released');
    const waiting = await h.postOrder('WAITING', 3);
    await until(waiting.id, (o) => o.state === 'queued' && o.priorityScore === 30, 'the second order to wait with its score');
    const calm = await h.postOrder('CALM', 48);
    await until(calm.id, (o) => o.state === 'queued' && o.priorityScore === 0, 'an order the new rules leave at 0 to wait');

    const tripled: RulesetDefinition = structuredClone(defaultPriorityRuleset);
    for (const rule of tripled.rules) rule.event.params.points = (rule.event.params.points as number) * 3;
    const res = await h.request('/rulesets/priority/versions', { method: 'POST', role: 'ops_manager', body: JSON.stringify({ definition: tripled, note: 'Triple', override: { reason: 'The shipped cases expect the old weights' } }) });
    expect(res.status).toBe(201);

    // The new decision is stored first, then the transition that acts on it: wait for the latter.
    const redecided = await until(waiting.id, (o) => o.timeline.at(-1)?.event === 'REPRIORITIZED', 'the waiting order to be decided again');
    const priority = (o: OrderDetail) => o.decisions.filter((d) => d.decisionPoint === 'priority');
    expect(priority(redecided).map((d) => [d.rulesetVersion, d.outcome.score])).toEqual([
      [1, 30],
      [2, 90],
    ]);
    expect(redecided.priorityScore).toBe(90);
    expect(redecided.state).toBe('queued');
    expect(redecided.timeline.at(-1)).toMatchObject({ from: 'queued', to: 'queued', event: 'REPRIORITIZED', actor: 'system' });

    const untouched = await h.getOrder(released.id);
    expect(priority(untouched).map((d) => d.rulesetVersion)).toEqual([1]);
    expect(untouched.priorityScore).toBe(30);

    // Tripling no points leaves the calm order as it was: it is not told, so it decides nothing again.
    await announcementDone(0);
    expect(await signalsTo(calm.id)).toBe(0);
    expect(priority(await h.getOrder(calm.id)).map((d) => d.rulesetVersion)).toEqual([1]);
    expect(await signalsTo(waiting.id)).toBe(1);
  });

  it('publishing release rules runs a cycle in every area and signals no order', async () => {
    const before = (await cycles()).filter((c) => c.triggers.includes('rules_published')).length;
    const waiting = await h.postOrder('UNDER-NEW-RELEASE-RULES', 30);
    await until(waiting.id, (o) => o.state === 'queued', 'an order to wait');
    const res = await h.request('/rulesets/release/versions', { method: 'POST', role: 'ops_manager', body: JSON.stringify({ definition: DEFAULT_RULESETS.release, note: 'Again' }) });
    expect(res.status).toBe(201);
    await announcementDone(before);
    expect(await signalsTo(waiting.id)).toBe(0);
  });

  it('re-decides waiting orders at the effective time of a scheduled version, on a durable timer', async () => {
    const waiting = await h.postOrder('WAITS-FOR-THE-EFFECTIVE-TIME', 3);
    await until(waiting.id, (o) => o.state === 'queued' && o.priorityScore === 90, 'an order to wait with its score under the tripled rules');
    const effectiveFrom = new Date(Date.now() + 8_000).toISOString();
    const res = await h.request('/rulesets/priority/versions', {
      method: 'POST',
      role: 'ops_manager',
      body: JSON.stringify({ definition: defaultPriorityRuleset, note: 'Back to the shipped weights', effectiveFrom, inFlight: 'redecide_at_effective' }),
    });
    expect(res.status).toBe(201);
    const { version } = (await res.json()) as { version: number };

    const decidedByIt = (o: OrderDetail) => o.decisions.some((d) => d.decisionPoint === 'priority' && d.rulesetVersion === version);
    // A loaded machine may take a while past the effective time; the check is when it was decided, not how soon.
    const redecided = await eventually(async () => ((o) => (decidedByIt(o) ? o : undefined))(await h.getOrder(waiting.id)), 'the waiting order to be decided by the scheduled version', 120_000);
    const decision = redecided.decisions.find((d) => d.decisionPoint === 'priority' && d.rulesetVersion === version)!;
    expect(decision.outcome.score).toBe(30);
    // Not before the version took effect: the workflow slept until then.
    expect(Date.parse(decision.decidedAt)).toBeGreaterThanOrEqual(Date.parse(effectiveFrom));
  });

  it('decides running escalation deadlines again at the effective time of a scheduled escalation version', async () => {
    const waiting = await h.postOrder('DEADLINE-AT-THE-EFFECTIVE-TIME', 48);
    await until(waiting.id, (o) => o.state === 'queued' && o.decisions.some((d) => d.decisionPoint === 'escalation'), 'an order to wait with its deadline');
    const sooner = structuredClone(DEFAULT_RULESETS.escalation);
    for (const rule of sooner.rules) if (rule.name === 'Queued') rule.event.params = { minutes: 200, role: 'dispatcher' };
    const effectiveFrom = new Date(Date.now() + 8_000).toISOString();
    const res = await h.request('/rulesets/escalation/versions', {
      method: 'POST',
      role: 'ops_manager',
      body: JSON.stringify({ definition: sooner, note: 'Queued orders sooner', effectiveFrom, inFlight: 'redecide_at_effective', override: { reason: 'The shipped cases expect 240 minutes' } }),
    });
    expect(res.status).toBe(201);
    const { version } = (await res.json()) as { version: number };

    const decidedByIt = (o: OrderDetail) => o.decisions.find((d) => d.decisionPoint === 'escalation' && d.rulesetVersion === version);
    const redecided = await eventually(async () => ((o) => (decidedByIt(o) ? o : undefined))(await h.getOrder(waiting.id)), 'the running deadline to be decided by the scheduled version', 120_000);
    const decision = decidedByIt(redecided)!;
    expect(decision.outcome.chosen).toMatchObject({ type: 'deadline', params: { minutes: 200, role: 'dispatcher' } });
    expect(decision.facts.state).toBe('queued');
    expect(Date.parse(decision.decidedAt)).toBeGreaterThanOrEqual(Date.parse(effectiveFrom));
  });
});
