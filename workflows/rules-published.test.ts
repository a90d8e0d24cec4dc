import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDetail } from '../domain/order.ts';
import type { RulesetDefinition } from '../domain/ruleset.ts';
import { defaultPriorityRuleset } from '../rules/defaults/index.ts';
import { createHarness, eventually, type Harness } from '../test/sluice-harness.ts';

/** Integration: publishing priority rules re-decides waiting orders and leaves released ones alone. */
describe('in-flight policy when priority rules are published', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ wipLimit: 1, worker: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  const until = (id: string, check: (o: OrderDetail) => boolean, what: string) => eventually(async () => ((o) => (check(o) ? o : undefined))(await h.getOrder(id)), what);

  it('re-ranks queued orders with the new version and never rewrites a decision already acted upon', async () => {
    const released = await h.postOrder('RELEASED', 2);
    // Released orders are assigned at once, so either state shows the release happened.
    await until(released.id, (o) => o.state === 'released' || o.state === 'assigned', 'the first order to be released');
    const waiting = await h.postOrder('WAITING', 3);
    await until(waiting.id, (o) => o.state === 'queued' && o.priorityScore === 30, 'the second order to wait with its score');

    const tripled: RulesetDefinition = structuredClone(defaultPriorityRuleset);
    for (const rule of tripled.rules) rule.event.params.points = (rule.event.params.points as number) * 3;
    const res = await h.request('/rulesets/priority/versions', { method: 'POST', role: 'ops_manager', body: JSON.stringify({ definition: tripled, note: 'Triple' }) });
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
  });
});
