import type { Client } from '@temporalio/client';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RoutingStep } from '../domain/order.ts';
import { defaultPriorityRuleset } from '../rules/defaults/index.ts';
import { DecisionRecord } from '../store/decision.entity.ts';
import { createOperations } from '../store/order-operation.entity.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { findReleaseJudgement } from '../store/release-judgements.ts';
import { publishVersion } from '../store/rulesets.ts';
import { seedDefaults } from '../store/seed.ts';
import { WorkAreaRecord } from '../store/work-area.entity.ts';
import { useTempStore } from '../test/temp-store.ts';
import { createActivities } from './index.ts';

const HOUR = 3_600_000;

/** A priority ruleset that ranks by planned release time, live: the pool read gives the areas' lead times, the cycle ranks by them, and the decisions and judgements say so. */
describe('a release cycle under a rank-by priority ruleset', () => {
  const store = useTempStore();
  const activities = () => createActivities({ store: store(), temporal: null as unknown as Client, taskQueue: 'unused', clock: () => new Date() });

  beforeAll(async () => {
    await seedDefaults(store().em.fork());
    const rankBy = { expression: 'plannedReleaseAt', direction: 'ascending', points: 'tie_breaker' } as const;
    await publishVersion(store().em.fork(), { ...defaultPriorityRuleset, rankBy }, { author: 'test', note: 'Rank by planned release time.' });
    const em = store().em.fork();
    em.create(WorkAreaRecord, { id: 'gate', name: 'Gate', kind: 'production_line', wipLimit: 1, plannedLeadTimeHours: 4 });
    em.create(WorkAreaRecord, { id: 'mill', name: 'Mill', kind: 'production_line', wipLimit: 5, plannedLeadTimeHours: 10 });
    const order = (id: string, dueInHours: number, routing: RoutingStep[] | null) => {
      em.create(OrderRecord, {
        id,
        account: 'ACME',
        kind: 'production',
        statedPriority: 'normal',
        dueAt: new Date(Date.now() + dueInHours * HOUR),
        workAreaId: 'gate',
        lines: [{ sku: 'A', qty: 1, price: 1 }],
        units: 1,
        state: 'queued',
        inPool: true,
        queuedAt: new Date(),
        routing,
      });
      if (routing) createOperations(em, id, routing);
    };
    // Planned release: 30 h − (4 + 1) h = 25 h from now; 40 h − (4 + 1) h − (10 + 2) h = 23 h; the unrouted one has none, however due.
    order('short-route', 30, [{ workAreaId: 'gate', hours: 1 }]);
    order('long-route', 40, [{ workAreaId: 'gate', hours: 1 }, { workAreaId: 'mill', hours: 2 }]);
    order('no-route', 1, null);
    await em.flush();
  });

  it('ranks by planned release time from the areas’ lead times, points breaking ties, and says so in the judgement', async () => {
    const cycle = await activities().runReleaseCycle({ workAreaId: 'gate', triggers: ['tick'] });
    expect(cycle.release.map((r) => r.orderId)).toEqual(['long-route']);
    const judged = async (id: string) => (await findReleaseJudgement(store().em.fork(), id))!;
    expect(await judged('long-route')).toMatchObject({ rank: 1, verdict: 'released', rankedBy: expect.stringMatching(/^Ranked by planned release time \(plannedReleaseAt "[^"]+"\), earliest first; then \+0 points break ties\.$/) });
    expect(await judged('short-route')).toMatchObject({ rank: 2, verdict: 'waiting' });
    // Due within the hour, it scores the default rules' points, but without a routing it has no planned release time: last.
    expect(await judged('no-route')).toMatchObject({
      rank: 3,
      score: 30,
      rankedBy: 'Ranked by planned release time, earliest first, but plannedReleaseAt is missing, so the order ranks after every order that has one; then +30 points break ties.',
    });
  });

  it('records the rank value and its sentence with the priority decision', async () => {
    await activities().decidePriority({ orderId: 'short-route', decisionKey: 'short-route:priority' });
    const decision = await store().em.fork().findOneOrFail(DecisionRecord, { id: 'short-route:priority' });
    const plannedReleaseAt = decision.facts.plannedReleaseAt as string;
    expect(Date.parse(plannedReleaseAt) - Date.parse(decision.facts.dueAt as string)).toBe(-5 * HOUR);
    expect(decision.outcome.rank).toEqual({ value: Date.parse(plannedReleaseAt) / HOUR, sentence: `Ranked by planned release time (plannedReleaseAt "${plannedReleaseAt}"), earliest first; then +0 points break ties.` });
  });
});
