import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDetail, OrderSummary } from '../domain/order.ts';
import type { WorkArea } from '../domain/work-area.ts';
import type { RecordedDay } from '../sim/scenarios/recorded-day/recorded-day.ts';
import { hoursFromNow } from '../test/clock.ts';
import { createHarness, type Harness } from '../test/sluice-harness.ts';
import { readRecordedDay } from './recorded-day.ts';

const dayOf = (iso: string) => iso.slice(0, 10);

/**
 * Integration: orders driven through the real stack (API, Temporal, worker, default rules), then the day
 * read back from the store as the replay takes it, on whichever database the run is for.
 */
describe('a recorded day read from the store', () => {
  let h: Harness;
  let orders: OrderDetail[];
  let day: RecordedDay;
  let startSettings: WorkArea;

  beforeAll(async () => {
    h = await createHarness({ wipLimit: 2, worker: true });
    startSettings = (await (await h.request(`/work-areas/${h.workAreaId}`)).json()) as WorkArea;
    const post = async (reference: string, statedPriority: string, dueInHours: number) => {
      const res = await h.request('/orders', {
        method: 'POST',
        body: JSON.stringify({ reference, account: 'ACME', statedPriority, dueAt: hoursFromNow(dueInHours), workAreaId: h.workAreaId, lines: [{ sku: 'A', qty: 3, price: 7 }] }),
      });
      expect(res.status).toBe(201);
      return (await res.json()) as OrderSummary;
    };
    const act = async (id: string, action: string) => expect((await h.request(`/orders/${id}/actions`, { method: 'POST', body: JSON.stringify({ action, reason: 'test' }) })).status).toBe(200);

    // One at a time: two orders' workflows posted together reach the pool in either order.
    const done = await post('DAY-1', 'high', 4);
    await h.reach(done.id, 'assigned');
    const working = await post('DAY-2', 'normal', 8);
    await h.reach(working.id, 'assigned');
    // The area is full (WIP limit 2): the third waits in the pool until the first is done.
    const waiting = await post('DAY-3', 'low', 30);
    await act(done.id, 'start');
    await act(done.id, 'complete');
    await h.reach(waiting.id, 'assigned');
    await act(working.id, 'start');
    // A change during the day: the day's replay takes the settings from before it.
    const { id: _, ...settings } = startSettings;
    expect((await h.request(`/work-areas/${h.workAreaId}`, { method: 'PUT', role: 'ops_manager', body: JSON.stringify({ ...settings, capacity: { ...settings.capacity, wipLimit: 9 } }) })).status).toBe(200);

    orders = await Promise.all([done, working, waiting].map((o) => h.getOrder(o.id)));
    // Near midnight (UTC) the orders may fall on two days: read each and put them together.
    const days = [...new Set(orders.map((o) => dayOf(o.createdAt)))];
    const read = await Promise.all(days.map((d) => readRecordedDay(h.store.em.fork(), d)));
    day = { ...read[0]!, orders: read.flatMap((r) => r.orders).sort((a, b) => a.queuedAt - b.queuedAt), auditRows: read.reduce((n, r) => n + r.auditRows, 0) };
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('has each order once, in arrival order, with its captured facts', () => {
    expect(day.orders.map((o) => o.id)).toEqual(orders.map((o) => o.id));
    const first = day.orders[0]!;
    expect(first).toMatchObject({ reference: 'DAY-1', account: 'ACME', kind: 'pick', statedPriority: 'high', candidateAreas: [h.workAreaId], units: 3, orderValue: 21, lineCount: 1 });
    expect(first.dueAt).toBe(Date.parse(orders[0]!.dueAt));
    expect(first.createdAt).toBe(Date.parse(orders[0]!.createdAt));
    expect(day.orders.map((o) => o.statedPriority)).toEqual(['high', 'normal', 'low']);
    expect(day.auditRows).toBeGreaterThanOrEqual(3 * 5);
  });

  it('takes arrival, release and the end of work from the audit log, in the order they happened', () => {
    const [done, working, waiting] = day.orders;
    for (const o of day.orders) {
      expect(o.queuedAt).toBeGreaterThanOrEqual(o.createdAt);
      expect(o.releasedAt).toBeGreaterThanOrEqual(o.queuedAt);
      expect(o.releasedInto).toBe(h.workAreaId);
    }
    expect(done!.doneAt).toBeGreaterThan(done!.releasedAt!);
    // The waiting order was released only once the first was done.
    expect(waiting!.releasedAt).toBeGreaterThanOrEqual(done!.doneAt!);
    // Still at work: no end recorded.
    expect(working!.doneAt).toBeNull();
    expect(waiting!.doneAt).toBeNull();
  });

  it('has the work areas as they were before the day’s changes', () => {
    const area = day.areas.find((a) => a.id === h.workAreaId)!;
    expect(area).toMatchObject({ kind: 'pick_zone', wipLimit: 2, unit: 'orders', status: 'open', workloadNormHours: null });
  });

  it('has the priority and release rules in force that day', () => {
    expect(day.rulesets.priority?.name).toBe('Default priority');
    expect(day.rulesets.release?.name).toBe('Default release');
  });

  it('refuses what is not a date', async () => {
    await expect(readRecordedDay(h.store.em.fork(), '2026-13-45')).rejects.toThrow(/YYYY-MM-DD/);
    await expect(readRecordedDay(h.store.em.fork(), 'yesterday')).rejects.toThrow(/YYYY-MM-DD/);
    await expect(readRecordedDay(h.store.em.fork(), '2025-02-30')).rejects.toThrow(/YYYY-MM-DD/);
  });
});
