import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperatingMeasures } from '../domain/operating-measures.ts';
import type { OrderDetail, OrderSummary } from '../domain/order.ts';
import { AuditEntryRecord } from '../store/audit-entry.entity.ts';
import { ReleaseCycleRecord } from '../store/release-cycle.entity.ts';
import { WorkAreaRecord } from '../store/work-area.entity.ts';
import { createHarness, eventually, type Harness } from '../test/sluice-harness.ts';

/**
 * Integration (real dev server, real store): operation-completed events from the floor move load out of
 * the areas where the work is done, and the release cycles hear of it at once — a gateway whose order a
 * downstream norm held back releases it when that area's load drops, and a gateway whose direct queue
 * empties releases its best order whatever the norms (the starvation trigger).
 */
describe('operation progress', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ worker: true });
    const em = h.store.em.fork();
    const line = (id: string, fields: Partial<WorkAreaRecord> = {}) => em.create(WorkAreaRecord, { id, name: id, kind: 'production_line', wipLimit: 5, loadCorrection: 'plain', ...fields });
    line('cut');
    line('paint', { workloadNormHours: 2 });
    line('pack');
    line('press', { starvationRelease: true });
    line('oven', { workloadNormHours: 2 });
    // Released once a day, twelve hours from now: only the starvation trigger releases here during the test.
    const atTime = `${String((new Date().getUTCHours() + 12) % 24).padStart(2, '0')}:00`;
    line('kiln', { starvationRelease: true, timeZone: 'UTC', releasePeriod: { mode: 'periodic', everyMinutes: null, atTimes: [atTime] } });
    line('glaze', { workloadNormHours: 2 });
    await em.flush();
  });
  afterAll(async () => {
    await h?.close();
  });

  const post = async (reference: string, routing: { workAreaId: string; hours: number }[]) => {
    const body = { reference, account: 'ACME', kind: 'production', dueAt: new Date(Date.now() + 24 * 3_600_000).toISOString(), workAreaId: routing[0]!.workAreaId, routing, lines: [{ sku: 'A', qty: 1, price: 1 }] };
    const res = await h.request('/orders', { method: 'POST', body: JSON.stringify(body) });
    expect(res.status).toBe(201);
    return (await res.json()) as OrderSummary;
  };
  const act = async (id: string, action: string) => expect((await h.request(`/orders/${id}/actions`, { method: 'POST', body: JSON.stringify({ action }) })).status).toBe(200);
  const completeStep = (id: string, position: number, role: 'dispatcher' | 'ops_manager' = 'dispatcher') => h.request(`/orders/${id}/operations/${position}/complete`, { method: 'POST', role });
  const cycles = (workAreaId: string) => h.store.em.fork().find(ReleaseCycleRecord, { workAreaId }, { orderBy: { seq: 'asc' } });
  /** The cycle that released the order, once one has. */
  const releasedBy = (workAreaId: string, orderId: string) =>
    eventually(async () => (await cycles(workAreaId)).find((c) => c.released.some((r) => r.orderId === orderId)), `a cycle of ${workAreaId} to release ${orderId}`);
  const heldBack = (workAreaId: string, orderId: string, norm: string) =>
    eventually(async () => (await cycles(workAreaId)).find((c) => c.waited.some((w) => w.orderId === orderId && w.reason.includes(norm))), `${orderId} to wait for ${norm}'s norm`);
  const measures = async (id: string) => ((await (await h.request('/work-areas/measures')).json()) as OperatingMeasures).areas.find((a) => a.workAreaId === id)!;

  it("releases an order a norm held back when the loaded area's operation is done, and completes the order with its last step", async () => {
    const routing = [
      { workAreaId: 'cut', hours: 1 },
      { workAreaId: 'paint', hours: 2 },
      { workAreaId: 'pack', hours: 1 },
    ];
    const first = await post('FIRST', routing);
    await h.reach(first.id, 'assigned');
    const second = await post('SECOND', routing);
    await heldBack('cut', second.id, 'paint');
    expect((await measures('paint')).workload).toEqual({ hours: 2, directHours: 0, normHours: 2 });

    // Not in progress yet, then a step out of order: refused, nothing changes.
    expect((await completeStep(first.id, 1)).status).toBe(409);
    await act(first.id, 'start');
    const outOfOrder = await completeStep(first.id, 2);
    expect(outOfOrder.status).toBe(409);
    expect(((await outOfOrder.json()) as { error: { message: string } }).error.message).toContain('Operation 1 (at cut) is the next one');
    expect((await completeStep(first.id, 1, 'ops_manager')).status).toBe(403);
    expect((await completeStep(first.id, 9)).status).toBe(404);

    const cut = await completeStep(first.id, 1);
    expect(cut.status).toBe(200);
    expect(((await cut.json()) as OrderDetail).operations.map((o) => o.state)).toEqual(['done', 'arrived', 'waiting']);
    expect((await completeStep(first.id, 1)).status).toBe(200);
    expect((await measures('paint')).workload).toEqual({ hours: 2, directHours: 2, normHours: 2 });

    expect((await completeStep(first.id, 2)).status).toBe(200);
    const released = await releasedBy('cut', second.id);
    expect(released.triggers).toContain('load_dropped');

    const last = await completeStep(first.id, 3);
    expect(last.status).toBe(200);
    const done = await h.reach(first.id, 'closed');
    expect(done.operations.map((o) => [o.state, o.doneBy])).toEqual([
      ['done', 'token:test dispatcher'],
      ['done', 'token:test dispatcher'],
      ['done', 'token:test dispatcher'],
    ]);
    const audit = await h.store.em.fork().find(AuditEntryRecord, { subjectType: 'order', subjectId: first.id, action: 'OPERATION_COMPLETED' });
    expect(audit.map((a) => a.data?.position)).toEqual([1, 2, 3]);
    expect((await completeStep(first.id, 3)).status).toBe(200);

    // Completing the order by hand completes the steps still open: no load stays behind.
    await h.reach(second.id, 'assigned');
    await act(second.id, 'start');
    await act(second.id, 'complete');
    expect((await h.getOrder(second.id)).operations.every((o) => o.state === 'done')).toBe(true);
    expect((await measures('paint')).workload).toEqual({ hours: 0, directHours: 0, normHours: 2 });
  });

  it("releases the best order starting at an area whose direct queue empties, past a downstream norm", async () => {
    const routing = [
      { workAreaId: 'press', hours: 1 },
      { workAreaId: 'oven', hours: 4 },
    ];
    const first = await post('HOT', routing);
    await h.reach(first.id, 'assigned');
    const second = await post('WAITS', routing);
    await heldBack('press', second.id, 'oven');

    await act(first.id, 'start');
    expect((await completeStep(first.id, 1)).status).toBe(200);
    const released = await releasedBy('press', second.id);
    expect(released.triggers).toContain('starved');
    expect(released.released).toEqual([expect.objectContaining({ orderId: second.id, starved: true })]);
    await h.reach(second.id, 'assigned');
    // Past its norm, as the starvation trigger means to be: both orders' oven hours are released load there.
    expect((await measures('oven')).workload).toEqual({ hours: 8, directHours: 4, normHours: 2 });
  });

  it('a periodically released area that starves releases at once, off its period', async () => {
    const routing = [
      { workAreaId: 'kiln', hours: 1 },
      { workAreaId: 'glaze', hours: 4 },
    ];
    const first = await post('KILN-1', routing);
    await h.reach(first.id, 'queued');
    // Its period is hours away: a dispatcher sends the first order in by hand.
    expect((await h.request(`/orders/${first.id}/actions`, { method: 'POST', body: JSON.stringify({ action: 'force_release', reason: 'first of the day' }) })).status).toBe(200);
    await h.reach(first.id, 'assigned');
    const second = await post('KILN-2', routing);
    await h.reach(second.id, 'queued');

    await act(first.id, 'start');
    expect((await completeStep(first.id, 1)).status).toBe(200);
    const released = await releasedBy('kiln', second.id);
    expect(released.triggers).toContain('starved');
    expect(released.triggers).not.toContain('period');
    expect(released.released).toEqual([expect.objectContaining({ orderId: second.id, starved: true })]);
  });
});
