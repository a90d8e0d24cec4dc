import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderActionName, OrderSummary } from '../domain/order.ts';
import { AuditEntryRecord } from '../store/audit-entry.entity.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { createHarness, type Harness } from '../test/sluice-harness.ts';
import { orderStateQuery, orderWorkflowId } from './definitions.ts';

const ORDERS = 500;
const WIP_LIMIT = 8;
const FINAL = new Set(['completed', 'cancelled']);

/** A deterministic pseudo-random sequence, so a failing run can be repeated. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32);
}

/**
 * Integration: 500 orders through one area with a mix of people's actions — start, complete, escalate,
 * resolve, cancel — until every order is done. Then the read model and every workflow must agree.
 */
describe(`a mixed run of ${ORDERS} orders`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ wipLimit: WIP_LIMIT, worker: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('ends with the read model and every workflow in the same final state', { timeout: 600_000 }, async () => {
    const random = prng(20261121);
    const created: string[] = [];
    for (let batch = 0; batch < ORDERS / 50; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 50 }, async (_, i) => {
          const res = await h.request('/orders', {
            method: 'POST',
            body: JSON.stringify({ reference: `MIX-${batch * 50 + i}`, account: 'ACME', dueAt: new Date(Date.now() + (1 + random() * 48) * 3_600_000).toISOString(), workAreaId: h.workAreaId, lines: [{ sku: 'A', qty: 1, price: 1 }] }),
          });
          return ((await res.json()) as OrderSummary).id;
        }),
      );
      created.push(...answers);
    }

    const choose = (state: string): OrderActionName | null => {
      const r = random();
      if (state === 'queued') return r < 0.003 ? 'cancel' : r < 0.006 ? 'escalate' : null;
      if (state === 'released') return r < 0.8 ? 'start' : r < 0.9 ? 'cancel' : 'escalate';
      if (state === 'in_progress') return r < 0.9 ? 'complete' : 'escalate';
      if (state === 'escalated') return r < 0.8 ? 'resolve' : 'cancel';
      return null;
    };
    for (let round = 0; round < 2_000; round++) {
      const orders = await h.store.em.fork().find(OrderRecord, { id: { $in: created } }, { fields: ['id', 'state'] });
      if (orders.every((o) => FINAL.has(o.state))) break;
      await Promise.all(
        orders.map(async (o) => {
          const action = choose(o.state);
          if (!action) return;
          // A 409 is a race with the system (the order moved on meanwhile): the next round sees the new state.
          const res = await h.request(`/orders/${o.id}/actions`, { method: 'POST', body: JSON.stringify({ action, reason: 'mixed run' }) });
          expect([200, 409]).toContain(res.status);
        }),
      );
    }

    const readModel = new Map((await h.store.em.fork().find(OrderRecord, { id: { $in: created } })).map((o) => [o.id, o.state]));
    const workflows = await Promise.all(created.map(async (id) => [id, await h.client.workflow.getHandle(orderWorkflowId(id)).query(orderStateQuery)] as const));
    const disagreements = workflows.filter(([id, state]) => readModel.get(id) !== state);
    expect(disagreements).toEqual([]);
    expect([...readModel.values()].every((s) => FINAL.has(s))).toBe(true);

    // Replaying the audit log: an order holds a slot from its release until it completes or is cancelled.
    // The log records a slot's release before the area is told, so the count never runs ahead of the area.
    const log = await h.store.em.fork().find(AuditEntryRecord, { subjectType: 'order', subjectId: { $in: created } }, { orderBy: { seq: 'asc' } });
    const holding = new Set<string>();
    let peak = 0;
    for (const e of log) {
      if (e.toState === 'released') holding.add(e.subjectId);
      if (e.toState === 'completed' || e.toState === 'cancelled') holding.delete(e.subjectId);
      peak = Math.max(peak, holding.size);
    }
    expect(peak).toBeLessThanOrEqual(WIP_LIMIT);
    expect(peak).toBe(WIP_LIMIT);

    const outcomes = [...readModel.values()].reduce<Record<string, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});
    console.log(`mixed run: ${ORDERS} orders →`, outcomes, `peak work in process ${peak} of ${WIP_LIMIT}`);
  });
});
