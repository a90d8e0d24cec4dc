import { describe, expect, it } from 'vitest';
import { useTempStore } from '../test/temp-store.ts';
import { OrderCandidateAreaRecord } from './order-candidate-area.entity.ts';
import { createOperations } from './order-operation.entity.ts';
import { OrderRecord } from './order.entity.ts';
import { readPool } from './release-pool-reads.ts';
import { WorkAreaRecord } from './work-area.entity.ts';

describe("an area's pool as a cycle reads it", () => {
  const store = useTempStore();

  it('reads each order once, with its routing in position order and its areas’ planned lead times, its escalation and its times to the millisecond', async () => {
    const em = store().em.fork();
    for (const [id, lead] of [['press', 4], ['paint', 0], ['pack', 1.5]] as const) em.create(WorkAreaRecord, { id, name: id, kind: 'production_line', wipLimit: 5, plannedLeadTimeHours: lead });
    // Whole seconds and 999 ms: a time a double's seconds cannot hold exactly.
    const base = Math.floor(Date.now() / 1000) * 1000 + 999;
    const at = (hours: number) => new Date(base + hours * 3_600_000);
    const order = (id: string, fields: Partial<OrderRecord> = {}) =>
      em.create(OrderRecord, {
        id,
        account: 'ACME',
        kind: 'production',
        statedPriority: 'normal',
        dueAt: at(8),
        workAreaId: 'press',
        lines: [{ sku: 'A', qty: 2, price: 3 }],
        orderValue: 6,
        lineCount: 1,
        state: 'queued',
        inPool: true,
        queuedAt: at(-1),
        createdAt: at(-2),
        ...fields,
      });
    order('routed');
    order('plain', { state: 'escalated' });
    order('granted', { releaseCycleId: 'some-cycle' });
    order('elsewhere', { workAreaId: 'pack' });
    order('candidate', { workAreaId: 'pack', candidateAreas: ['pack', 'press'] });
    em.create(OrderCandidateAreaRecord, { id: 'candidate:press', orderId: 'candidate', workAreaId: 'press' });
    // Stored last step first: the pool gives the routing in position order all the same.
    createOperations(em, 'routed', [
      { workAreaId: 'press', hours: 1 },
      { workAreaId: 'paint', hours: 2 },
      { workAreaId: 'pack', hours: 0.5 },
    ]);
    await em.flush();

    const pool = await readPool(store().em.fork(), 'press');
    expect(pool.map((o) => o.id).sort()).toEqual(['candidate', 'plain', 'routed']);
    const byId = new Map(pool.map((o) => [o.id, o]));
    expect(byId.get('routed')!.operations).toEqual([
      { workAreaId: 'press', position: 1, hours: 1, plannedLeadTimeHours: 4 },
      { workAreaId: 'paint', position: 2, hours: 2, plannedLeadTimeHours: 0 },
      { workAreaId: 'pack', position: 3, hours: 0.5, plannedLeadTimeHours: 1.5 },
    ]);
    expect(byId.get('plain')!.operations).toBeUndefined();
    expect([...byId.values()].map((o) => [o.id, Boolean(o.escalated)])).toEqual(expect.arrayContaining([['plain', true], ['routed', false]]));
    expect(byId.get('routed')).toMatchObject({ dueAt: at(8), createdAt: at(-2), queuedAt: at(-1), orderValue: 6, lineCount: 1, units: 1, storedScore: null, verdictKey: null });
  });
});
