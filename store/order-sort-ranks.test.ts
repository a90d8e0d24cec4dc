import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { restatePriorityActivity } from '../activities/restate-priority.ts';
import { LAST_MILE_STATUSES, type LastMileStatus } from '../domain/last-mile.ts';
import type { StatedPriority } from '../domain/order.ts';
import { testStoreConfig, useTempStore } from '../test/temp-store.ts';
import { connectStore, type Store } from './open-store.ts';
import { OrderRecord } from './order.entity.ts';
import { lastMileRank, ranksDisagree, statedPriorityRank } from './order-sort-ranks.ts';
import { jsonValue, sqlOn } from './sql.ts';

describe('the sort ranks of stated priority and last-mile status', () => {
  it.each<[StatedPriority, number]>([
    ['low', 0],
    ['normal', 1],
    ['high', 2],
    ['urgent', 3],
  ])('ranks the stated priority %s by its meaning: %i', (priority, rank) => {
    expect(statedPriorityRank(priority)).toBe(rank);
  });

  it.each<[LastMileStatus | null, number]>([
    ['Pending', 0],
    ['Assigned', 1],
    ['Picked Up', 2],
    ['In Transit', 3],
    ['Delivered', 4],
    ['Cancelled', 5],
    ['Returned', 6],
    [null, 7],
  ])('ranks the last-mile status %s in the order of its lifecycle, none last: %i', (status, rank) => {
    expect(lastMileRank(status)).toBe(rank);
  });
});

describe('writing an order keeps its sort ranks', () => {
  const store = useTempStore();

  it('ranks an order when it is created and when its stated priority is restated, and reports a write that forgot', async () => {
    const em = store().em.fork();
    em.create(OrderRecord, { id: 'r-1', account: 'ACME', kind: 'delivery', statedPriority: 'urgent', dueAt: new Date(), workAreaId: 'area', lines: [], state: 'assigned', lastMileStatus: 'Assigned' });
    em.create(OrderRecord, { id: 'r-2', account: 'ACME', kind: 'pick', statedPriority: 'low', dueAt: new Date(), workAreaId: 'area', lines: [], state: 'queued' });
    await em.flush();
    const ranks = async () => (await store().em.fork().find(OrderRecord, {}, { orderBy: { id: 'asc' } })).map((o) => [o.id, o.statedPriorityRank, o.lastMileRank]);
    expect(await ranks()).toEqual([
      ['r-1', 3, 1],
      ['r-2', 0, 7],
    ]);

    await restatePriorityActivity({ store: store(), temporal: {} as Client, taskQueue: 'none', clock: () => new Date() })({ orderId: 'r-2', statedPriority: 'high' });
    expect(await ranks()).toEqual([
      ['r-1', 3, 1],
      ['r-2', 2, 7],
    ]);
    expect(await ranksDisagree(store().em.fork())).toEqual([]);

    await sql`update orders set stated_priority = ${'normal'} where id = ${'r-1'}`.execute(sqlOn(store().em.fork()));
    expect(await ranksDisagree(store().em.fork())).toEqual(['r-1']);
  });
});

describe('the sort ranks migration, over orders stored before it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-ranks-migration-'));
  let store: Store | undefined;
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ranks every stated priority and last-mile status (and none) as Sluice does', async () => {
    store = await connectStore(testStoreConfig(dir));
    await store.migrator.up({ to: 'Migration20261206193732_saved_views' });
    const db = sqlOn(store.em.fork());
    const now = new Date();
    const lines = jsonValue([]);
    const statuses = [...LAST_MILE_STATUSES, null];
    const priorities = ['low', 'normal', 'high', 'urgent'] as const;
    const rows = statuses.map((status, i) => sql`(${`o-${i}`}, 'ACME', 'delivery', ${priorities[i % 4]!}, ${now}, 'area', ${lines}, 'queued', ${status}, ${now}, ${now})`);
    await sql`insert into orders (id, account, kind, stated_priority, due_at, work_area_id, lines, state, last_mile_status, created_at, updated_at) values ${sql.join(rows)}`.execute(db);

    await store.migrator.up();

    const ranked = await sql<{ id: string; stated_priority_rank: number; last_mile_rank: number }>`select id, stated_priority_rank, last_mile_rank from orders order by id`.execute(db);
    expect(ranked.rows).toEqual(statuses.map((status, i) => ({ id: `o-${i}`, stated_priority_rank: statedPriorityRank(priorities[i % 4]!), last_mile_rank: lastMileRank(status) })));
    expect(await ranksDisagree(store.em.fork())).toEqual([]);
  });
});
