import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderListItem } from '../../domain/order.ts';
import type { TrendEvent } from '../../domain/trend-events.ts';
import type { TrendPoint, Trends } from '../../domain/trends.ts';
import { WorkAreaRecord } from '../../store/work-area.entity.ts';
import { writeHistory } from '../../test/order-history.ts';
import { createHarness, type Harness } from '../../test/sluice-harness.ts';
import { simulatedWeek } from '../../test/simulated-week.ts';

const DAY = 24 * 3_600_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

/** The trends of a simulated week, and every figure's link: the orders list filtered as the figure counts. */
describe('GET /trends', () => {
  let h: Harness;
  let week: Trends;
  const trends = async (query: string, role: 'ops_manager' | 'dispatcher' | 'admin' = 'ops_manager') => h.request(`/trends?${query}`, { role });

  beforeAll(async () => {
    h = await createHarness();
    const em = h.store.em.fork();
    em.create(WorkAreaRecord, { id: 'dash-a', name: 'Dash A', kind: 'pick_zone', warehouse: 'dash', wipLimit: 8, plannedLeadTimeHours: 1 });
    em.create(WorkAreaRecord, { id: 'dash-b', name: 'Dash B', kind: 'pick_zone', warehouse: 'dash', wipLimit: 5, workloadNormHours: 30 });
    await em.flush();
    const { orders, cycles } = simulatedWeek([{ id: 'dash-a', limit: 8 }, { id: 'dash-b', limit: 5, normHours: 30 }], Date.now());
    await writeHistory(h.store.em.fork(), orders, cycles);
    const res = await trends(`from=${day(-7)}&to=${day(0)}&bucket=day&site=dash`);
    expect(res.status).toBe(200);
    week = (await res.json()) as Trends;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('answers a bucket per day of the period with every measure', () => {
    expect(week.points).toHaveLength(8);
    expect(week.areaIds).toEqual(['dash-a', 'dash-b']);
    expect(week.points.reduce((n, p) => n + p.released, 0)).toBeGreaterThan(100);
    const busy = week.points[3]!;
    expect(busy.onTimeReleasePercent).not.toBeNull();
    expect(busy.queueBalance.areas).toBe(2);
    expect(busy.wipPercentOfLimit.mean).toBeGreaterThan(0);
    expect(busy.loadPercentOfNorm.mean).toBeGreaterThan(0);
    expect(busy.cycleTimeHours.p90).toBeGreaterThanOrEqual(busy.cycleTimeHours.p50!);
    expect(week.cycleTimeHistogram.reduce((n, b) => n + b.orders, 0)).toBe(week.points.reduce((n, p) => n + p.cycleTimeHours.count, 0));
  });

  const figures: { figure: string; event: TrendEvent; late?: true; count: (p: TrendPoint) => number }[] = [
    { figure: 'released', event: 'released', count: (p) => p.released },
    { figure: 'released late', event: 'released', late: true, count: (p) => p.releasedLate },
    { figure: 'completed', event: 'completed', count: (p) => p.completed },
    { figure: 'completed late', event: 'completed', late: true, count: (p) => p.completedLate },
    { figure: 'escalations opened', event: 'escalated', count: (p) => p.escalationsOpened },
    { figure: 'escalations resolved', event: 'resolved', count: (p) => p.escalationsResolved },
  ];
  it.each(figures)('every day’s $figure links to exactly the orders it counts', async ({ event, late, count }) => {
    for (const p of week.points) {
      const params = new URLSearchParams({ moved: event, movedFrom: p.from, movedTo: p.to, areas: week.areaIds.join(','), limit: '500', ...(late ? { late: 'true' } : {}) });
      const res = await h.request(`/orders?${params}`, { role: 'ops_manager' });
      expect(res.status).toBe(200);
      const page = (await res.json()) as { orders: OrderListItem[]; total: number };
      expect(page.total, `${p.label}`).toBe(count(p));
      expect(page.orders.every((o) => week.areaIds.includes(o.workAreaId))).toBe(true);
    }
  });

  it.each([
    { query: `from=${day(-1)}&to=${day(-2)}`, message: 'the period ends before it starts' },
    { query: `from=${day(-100)}&to=${day(0)}`, message: 'a period of at most 92 days' },
    { query: `from=${day(-40)}&to=${day(0)}&bucket=shift`, message: 'at most 100 buckets' },
    { query: `from=${day(-1)}&to=not-a-day`, message: 'YYYY-MM-DD' },
    { query: `from=${day(-1)}`, message: 'to' },
    { query: 'from=9999-12-25&to=9999-12-31&bucket=week', message: 'a date from 1970 to 9998' },
  ])('refuses $query with a 400 saying why', async ({ query, message }) => {
    const res = await trends(query);
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain(message);
  });

  it.each([
    { query: `moved=released&movedFrom=${new Date().toISOString()}`, message: 'movedTo' },
    { query: 'late=true', message: 'name it' },
    { query: `moved=completed&movedFrom=${new Date().toISOString()}&movedTo=${new Date(Date.now() - DAY).toISOString()}`, message: 'ends before it starts' },
    { query: `moved=completed&movedFrom=${new Date().toISOString()}&movedTo=${new Date(Date.now() + DAY).toISOString()}&areas=a,,b`, message: 'separated by commas' },
  ])('the orders list refuses a broken move filter ($query)', async ({ query, message }) => {
    const res = await h.request(`/orders?${query}`);
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain(message);
  });

  it('names an unknown area with a 404, and keeps the trends from the dispatcher', async () => {
    expect((await trends(`from=${day(-1)}&to=${day(0)}&areaId=nowhere`)).status).toBe(404);
    expect((await trends(`from=${day(-1)}&to=${day(0)}`, 'dispatcher')).status).toBe(403);
    expect((await trends(`from=${day(-1)}&to=${day(0)}`, 'admin')).status).toBe(200);
  });
});
