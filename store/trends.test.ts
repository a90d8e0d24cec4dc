import { beforeAll, describe, expect, it } from 'vitest';
import type { TrendsQuery } from '../domain/trends.ts';
import { writeHistory } from '../test/order-history.ts';
import { useTempStore } from '../test/temp-store.ts';
import { percentilesOf, readTrends } from './trends.ts';
import { toWorkArea, WorkAreaRecord } from './work-area.entity.ts';

const HOUR = 3_600_000;
// Days counted back from today (UTC), and instants in them: the history is always the last few days.
const day = (offset: number) => new Date(Date.now() + offset * 24 * HOUR).toISOString().slice(0, 10);
const at = (offset: number, hours: number) => Date.parse(day(offset)) + hours * HOUR;

describe('trends', () => {
  const store = useTempStore();
  const read = async (q: Partial<TrendsQuery>) => {
    const em = store().em.fork();
    const areas = (await em.findAll(WorkAreaRecord, { orderBy: { id: 'asc' } })).map(toWorkArea);
    return readTrends(em, areas, { from: day(-2), to: day(-1), bucket: 'day', ...q });
  };

  beforeAll(async () => {
    const em = store().em.fork();
    em.create(WorkAreaRecord, { id: 'north', name: 'North', kind: 'pick_zone', warehouse: 'north-site', wipLimit: 10, plannedLeadTimeHours: 2 });
    em.create(WorkAreaRecord, { id: 'south', name: 'South', kind: 'pick_zone', warehouse: 'south-site', wipLimit: 4, workloadNormHours: 20 });
    em.create(WorkAreaRecord, { id: 'india', name: 'Pune', kind: 'pick_zone', warehouse: 'pune', timeZone: 'Asia/Kolkata', wipLimit: 3 });
    await em.flush();
    await writeHistory(
      em,
      [
        // Released before its planned release time (due − 2 h), completed before due: 1 h in the pool, 2 h in process.
        { id: 'n1', workAreaId: 'north', queuedAt: at(-2, 8), releasedAt: at(-2, 9), dueAt: at(-2, 12), completedAt: at(-2, 11) },
        // Released and completed late: 5 h in the pool, 3 h in process.
        { id: 'n2', workAreaId: 'north', queuedAt: at(-2, 6), releasedAt: at(-2, 11), dueAt: at(-2, 12), completedAt: at(-2, 14) },
        // Escalated while waiting and sent back; released on time, completed after its due time.
        { id: 'n3', workAreaId: 'north', queuedAt: at(-1, 0.5), escalatedAt: at(-1, 1), resolvedAt: at(-1, 2), releasedAt: at(-1, 3), dueAt: at(-1, 20), completedAt: at(-1, 23.5) },
        { id: 's1', workAreaId: 'south', queuedAt: at(-2, 10), releasedAt: at(-2, 10.5), dueAt: at(-1, 10) },
        { id: 's2', workAreaId: 'south', queuedAt: at(-1, 4), escalatedAt: at(-1, 5), dueAt: at(0, 10) },
        // 23:30 in Pune (UTC+5:30) the day before yesterday's… yesterday; and 01:30 today there.
        { id: 'i1', workAreaId: 'india', queuedAt: at(-1, 17), releasedAt: at(-1, 18), dueAt: at(1, 0) },
        { id: 'i2', workAreaId: 'india', queuedAt: at(-1, 19), releasedAt: at(-1, 20), dueAt: at(1, 0) },
      ],
      [
        { workAreaId: 'north', at: at(-2, 9), limit: 10, usedAfter: 5, candidates: 4 },
        { workAreaId: 'north', at: at(-2, 11), limit: 10, usedAfter: 7, candidates: 2 },
        { workAreaId: 'south', at: at(-2, 10.5), limit: 4, usedAfter: 2, candidates: 1, workloads: [{ workAreaId: 'south', normHours: 20, before: 8, after: 10 }] },
      ],
    );
  });

  const both = { areaId: undefined, site: undefined };
  it.each([
    {
      name: 'the day before yesterday, north and south',
      query: { site: 'north-site' },
      bucket: 0,
      expected: { released: 2, releasedLate: 1, onTimeReleasePercent: 50, completed: 2, completedLate: 1, onTimeCompletionPercent: 50, poolAgeHours: { count: 2, p50: 2, p90: 7.2 }, cycleTimeHours: { count: 2, p50: 3, p90: 3.8 }, wipPercentOfLimit: { mean: 60, peak: 70 } },
    },
    {
      name: 'every area: queue balance, WIP and load across north and south',
      query: both,
      bucket: 0,
      expected: {
        released: 3,
        releasedLate: 1,
        onTimeReleasePercent: 66.7,
        poolAgeHours: { count: 3, p50: 1.5, p90: 6.8 },
        queueBalance: { areas: 2, meanPool: 2, spread: 2, coefficientOfVariation: 0.5 },
        wipPercentOfLimit: { mean: 55, peak: 70 },
        loadPercentOfNorm: { mean: 50, peak: 50 },
      },
    },
    {
      name: 'yesterday: escalations opened and resolved, a late completion after a long cycle',
      query: { site: 'north-site' },
      bucket: 1,
      expected: { released: 1, onTimeReleasePercent: 100, completed: 1, onTimeCompletionPercent: 0, escalationsOpened: 1, escalationsResolved: 1, cycleTimeHours: { count: 1, p50: 18, p90: 22.8 }, queueBalance: { areas: 0, meanPool: 0 }, wipPercentOfLimit: { mean: null, peak: null } },
    },
    { name: 'a site of its own', query: { site: 'south-site' }, bucket: 1, expected: { released: 0, onTimeReleasePercent: null, escalationsOpened: 1, escalationsResolved: 0 } },
    { name: 'an area in its own time zone: its local day, not UTC’s', query: { areaId: 'india' }, bucket: 1, expected: { released: 1 } },
  ])('$name', async ({ query, bucket, expected }) => {
    const trends = await read(query);
    expect(trends.points[bucket]).toMatchObject(expected);
  });

  it('cuts buckets at the areas’ local midnights, and at UTC’s when their zones differ', async () => {
    const pune = await read({ areaId: 'india' });
    expect(pune.timeZone).toBe('Asia/Kolkata');
    expect(pune.points.map((p) => p.from)).toEqual([new Date(at(-2, -5.5)).toISOString(), new Date(at(-1, -5.5)).toISOString()]);
    expect((await read(both)).timeZone).toBe('UTC');
  });

  it('counts shifts, and gives the period’s cycle times as a histogram', async () => {
    const trends = await read({ site: 'north-site', bucket: 'shift' });
    expect(trends.points).toHaveLength(6);
    expect(trends.points.map((p) => p.completed)).toEqual([0, 2, 0, 0, 0, 1]);
    expect(trends.cycleTimeHistogram.filter((b) => b.orders > 0)).toEqual([
      { fromHours: 2, toHours: 4, orders: 2 },
      { fromHours: 12, toHours: 24, orders: 1 },
    ]);
  });

  it('answers an empty selection with empty buckets', async () => {
    const trends = await read({ site: 'nowhere' });
    expect(trends.areaIds).toEqual([]);
    expect(trends.points.every((p) => p.released === 0 && p.onTimeReleasePercent === null)).toBe(true);
  });
});

describe('percentiles from the histogram', () => {
  it.each([
    { bins: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], expected: { count: 0, p50: null, p90: null } },
    { bins: [0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0], expected: { count: 2, p50: 3, p90: 3.8 } },
    { bins: [0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], expected: { count: 5, p50: 0.75, p90: 0.95 } },
    { bins: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4], expected: { count: 4, p50: 168, p90: 168 } },
  ])('$bins', ({ bins, expected }) => {
    expect(percentilesOf(bins)).toEqual(expected);
  });
});
