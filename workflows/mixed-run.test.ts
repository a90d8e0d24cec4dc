import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IN_PROCESS_STATES, type OrderActionRequest, type OrderKind } from '../domain/order.ts';
import type { Role } from '../domain/roles.ts';
import { AuditEntryRecord } from '../store/audit-entry.entity.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { replayCapacity } from '../test/audit-replay.ts';
import { postOrders } from '../test/post-orders.ts';
import { prng } from '../test/prng.ts';
import { createHarness, type Harness } from '../test/sluice-harness.ts';
import { orderWorkflowId } from './definitions.ts';

const ORDERS = 500;
const WIP_LIMIT = 8;
const FINAL = new Set(['closed', 'cancelled']);
const KINDS: OrderKind[] = ['pick', 'production', 'delivery', 'on_demand', 'pickup', 'pickup_delivery'];

/**
 * Integration: 500 orders of every kind (some paid in cash) through one area with a mix of people's
 * actions — holds, forced releases, field events, failed attempts, returns, remits, escalations,
 * cancellations — until every order is closed or cancelled. Then the read model and every workflow agree,
 * and replaying the audit log shows the WIP limit held except for audited overrides.
 */
describe(`a mixed run of ${ORDERS} orders`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ wipLimit: WIP_LIMIT, worker: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('ends with the read model and every workflow in the same final state', { timeout: 900_000 }, async () => {
    const random = prng(20261121);
    const created = await postOrders(h, ORDERS, (i) => ({
      reference: `MIX-${i}`,
      account: 'ACME',
      kind: KINDS[i % KINDS.length],
      paymentMode: random() < 0.3 ? 'cod' : 'prepaid',
      dueAt: new Date(Date.now() + (1 + random() * 48) * 3_600_000).toISOString(),
      workAreaId: h.workAreaId,
      lines: [{ sku: 'A', qty: 1, price: 1 }],
    }));

    type Step = Omit<OrderActionRequest, 'reason'> & { role?: Role };
    const choose = (o: Pick<OrderRecord, 'state' | 'kind' | 'holds'>): Step | null => {
      const r = random();
      const delivery = o.kind !== 'pick' && o.kind !== 'production';
      switch (o.state) {
        case 'queued':
          return r < 0.001 ? { action: 'cancel' } : r < 0.003 ? { action: 'escalate' } : r < 0.005 ? { action: 'hold', holdType: 'manual' } : r < 0.0055 ? { action: 'force_release' } : null;
        case 'on_hold':
          return r < 0.5 ? { action: 'release_hold', holdType: o.holds?.[0]?.type ?? 'manual' } : null;
        case 'assigned':
          return r < 0.8 ? { action: delivery ? 'pick_up' : 'start' } : r < 0.87 ? { action: 'cancel' } : r < 0.94 ? { action: 'escalate' } : { action: 'return', returnReason: 'other' };
        case 'in_progress':
          return r < 0.9 ? { action: 'complete' } : { action: 'escalate' };
        case 'picked_up':
          return { action: o.kind === 'pickup_delivery' ? 'stage' : 'depart' };
        case 'staged':
          return { action: 'depart' };
        case 'in_transit':
          return r < 0.8 ? { action: 'deliver' } : r < 0.9 ? { action: 'fail_attempt' } : { action: 'return', returnReason: 'not_home' };
        case 'attempt_failed':
          return r < 0.7 ? { action: 'depart' } : { action: 'return', returnReason: 'not_home' };
        case 'awaiting_remit':
          return { action: 'confirm_remit', amount: 1, role: 'finance' };
        case 'escalated':
          return r < 0.8 ? { action: 'resolve', role: 'ops_manager' } : { action: 'cancel' };
        default:
          return null;
      }
    };
    // Nobody touches work in process until the area has filled up once, so the run surely meets the limit.
    let filled = false;
    // Bounded in time below the test's own timeout, so a run that does not finish says which orders are stuck where.
    const deadline = Date.now() + 840_000;
    while (Date.now() < deadline) {
      const orders = await h.store.em.fork().find(OrderRecord, { id: { $in: created } }, { fields: ['id', 'state', 'kind', 'holds'] });
      filled ||= orders.filter((o) => IN_PROCESS_STATES.includes(o.state)).length >= WIP_LIMIT;
      if (orders.every((o) => FINAL.has(o.state))) break;
      // The store answers synchronously: without a real pause, a round with nothing to do starves the worker.
      await new Promise((r) => setTimeout(r, 50));
      await Promise.all(
        orders.map(async (o) => {
          const step = filled || !IN_PROCESS_STATES.includes(o.state) ? choose(o) : null;
          if (!step) return;
          const { role, ...request } = step;
          // A 409 is a race with the system (the order moved on meanwhile): the next round sees the new state.
          const res = await h.request(`/orders/${o.id}/actions`, { method: 'POST', ...(role ? { role } : {}), body: JSON.stringify({ ...request, reason: 'mixed run' }) });
          expect([200, 409]).toContain(res.status);
        }),
      );
    }

    const readModel = new Map((await h.store.em.fork().find(OrderRecord, { id: { $in: created } })).map((o) => [o.id, o.state]));
    expect([...readModel].filter(([, s]) => !FINAL.has(s)), 'orders not finished when the run stopped').toEqual([]);
    // Every order is finished, so each workflow's result is its final state (a query would replay 500 histories).
    const workflows = await Promise.all(created.map(async (id) => [id, await h.client.workflow.getHandle(orderWorkflowId(id)).result()] as const));
    const disagreements = workflows.filter(([id, state]) => readModel.get(id) !== state);
    expect(disagreements).toEqual([]);
    expect([...readModel.values()].every((s) => FINAL.has(s))).toBe(true);

    // Replaying the audit log: the area releases only under its limit, except by audited overrides.
    const log = await h.store.em.fork().find(AuditEntryRecord, { subjectType: 'order', subjectId: { $in: created } }, { orderBy: { seq: 'asc' } });
    const replay = replayCapacity(log, () => ({ areaId: h.workAreaId, weight: 1 }), () => WIP_LIMIT);
    expect(replay.overLimit).toEqual([]);
    expect(replay.doubleReleases).toEqual([]);
    const peak = replay.peak.get(h.workAreaId) ?? 0;
    expect(peak).toBeGreaterThanOrEqual(WIP_LIMIT);

    const outcomes = [...readModel.values()].reduce<Record<string, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});
    console.log(`mixed run: ${ORDERS} orders →`, outcomes, `peak work in process ${peak} of ${WIP_LIMIT} (${replay.forced} forced releases)`);
  });
});
