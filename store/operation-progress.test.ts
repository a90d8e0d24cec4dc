import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTempStore } from '../test/temp-store.ts';
import { inTransaction } from './in-transaction.ts';
import { arriveAtFirstOperation, completeOpenOperations, directQueueEmpty, gatewaysQuery, gatewaysRoutedThrough, leaveOperations, readOperationProgress, recordOperationDone } from './operation-progress.ts';
import { createOperations } from './order-operation.entity.ts';
import { OrderRecord } from './order.entity.ts';
import { readNormedAreas } from './release-pool-reads.ts';
import { sqlOn } from './sql.ts';
import { WorkAreaRecord } from './work-area.entity.ts';

/** Where an order is: waiting in the pool, granted by a cycle and not yet taken, in process (released), or completed. */
type Stage = 'pool' | 'granted' | 'released' | 'completed';
/** An order of the case: its stage and how many of its routing's steps are done. */
type CaseOrder = { stage: Stage; done?: number };
/** Every order's routing: cut 2 h, paint 4 h, pack 3 h (position-corrected: 2, 2, 1). */
const ROUTING = [
  { area: 'cut', hours: 2 },
  { area: 'paint', hours: 4 },
  { area: 'pack', hours: 3 },
];
type Loads = Record<'cut' | 'paint' | 'pack', [released: number, direct: number]>;

const CASES: { name: string; orders: CaseOrder[]; loads: Loads }[] = [
  { name: 'released, nothing done: all its steps load, the first has arrived', orders: [{ stage: 'released' }], loads: { cut: [2, 2], paint: [2, 0], pack: [1, 0] } },
  { name: 'first step done: its load left cut, the second arrived at paint', orders: [{ stage: 'released', done: 1 }], loads: { cut: [0, 0], paint: [2, 4], pack: [1, 0] } },
  { name: 'two steps done: only pack holds it, arrived', orders: [{ stage: 'released', done: 2 }], loads: { cut: [0, 0], paint: [0, 0], pack: [1, 3] } },
  { name: 'granted, not yet taken: released load everywhere, nothing arrived', orders: [{ stage: 'granted' }], loads: { cut: [2, 0], paint: [2, 0], pack: [1, 0] } },
  { name: 'waiting in the pool: no load', orders: [{ stage: 'pool' }], loads: { cut: [0, 0], paint: [0, 0], pack: [0, 0] } },
  { name: 'completed with steps open: the completion did them, no load left', orders: [{ stage: 'completed', done: 1 }], loads: { cut: [0, 0], paint: [0, 0], pack: [0, 0] } },
  {
    name: 'several orders at different steps add up',
    orders: [{ stage: 'released', done: 1 }, { stage: 'released' }, { stage: 'granted' }, { stage: 'pool' }],
    loads: { cut: [4, 2], paint: [6, 4], pack: [3, 0] },
  },
];

describe('operation progress and the load it leaves', () => {
  const store = useTempStore();

  it.each(CASES.map((c, i) => ({ ...c, i })))('$name', async ({ orders, loads, i }) => {
    const em = store().em.fork();
    const area = (name: string) => `${name}-${i}`;
    for (const { area: name } of ROUTING) em.create(WorkAreaRecord, { id: area(name), name, kind: 'production_line', wipLimit: 10, workloadNormHours: 20 });
    const ids = orders.map((_, n) => `o-${i}-${n}`);
    orders.forEach(({ stage }, n) => {
      em.create(OrderRecord, {
        id: ids[n]!,
        account: 'ACME',
        kind: 'production',
        statedPriority: 'normal',
        dueAt: new Date(Date.now() + 8 * 3_600_000),
        workAreaId: area('cut'),
        lines: [{ sku: 'A', qty: 1, price: 1 }],
        state: stage === 'pool' || stage === 'granted' ? 'queued' : stage === 'released' ? 'in_progress' : 'completed',
        inPool: stage === 'pool' || stage === 'granted',
        releaseCycleId: stage === 'granted' ? 'a-cycle' : null,
        holdsSlot: stage === 'released',
      });
      createOperations(
        em,
        ids[n]!,
        ROUTING.map((r) => ({ workAreaId: area(r.area), hours: r.hours })),
      );
    });
    await em.flush();
    const now = new Date();
    await inTransaction(store().em, async (tx) => {
      for (const [n, { stage, done = 0 }] of orders.entries()) {
        if (stage === 'released' || stage === 'completed') await arriveAtFirstOperation(tx, ids[n]!, now);
        for (let position = 1; position <= done; position++) {
          expect(await recordOperationDone(tx, { key: `${ids[n]}:op:${position}`, orderId: ids[n]!, position, actor: 'line-terminal' }, now)).toMatchObject({ outcome: 'recorded' });
        }
        if (stage === 'completed') await completeOpenOperations(tx, ids[n]!, 'dispatcher', now);
      }
    });

    const normed = await readNormedAreas(store().em.fork(), ROUTING.map((r) => area(r.area)));
    const found = Object.fromEntries(ROUTING.map(({ area: name }) => [name, [normed.get(area(name))!.loadHours, normed.get(area(name))!.directHours]]));
    expect(found).toEqual(loads);
    for (const { area: name } of ROUTING) expect(await directQueueEmpty(store().em.fork(), area(name))).toBe(loads[name as keyof Loads][1] === 0);
    // The gateway of every order still in its pool (not granted) hears of a load drop anywhere on its routing.
    const pooled = orders.some((o) => o.stage === 'pool');
    expect(await gatewaysRoutedThrough(store().em.fork(), area('paint'))).toEqual(pooled ? [area('cut')] : []);
  });

  it('records a step once, in routing order, with who and when; the last one says so', async () => {
    const em = store().em.fork();
    em.create(WorkAreaRecord, { id: 'saw', name: 'saw', kind: 'production_line', wipLimit: 10 });
    em.create(OrderRecord, { id: 'steps', account: 'ACME', kind: 'production', statedPriority: 'normal', dueAt: new Date(Date.now() + 3_600_000), workAreaId: 'saw', lines: [{ sku: 'A', qty: 1, price: 1 }], state: 'in_progress', holdsSlot: true });
    createOperations(em, 'steps', [
      { workAreaId: 'saw', hours: 1 },
      { workAreaId: 'saw', hours: 2 },
    ]);
    await em.flush();
    const done = (position: number, key = `steps:${position}`) => inTransaction(store().em, (tx) => recordOperationDone(tx, { key, orderId: 'steps', position, actor: 'ana' }, new Date()));

    expect(await done(2)).toEqual({ outcome: 'not-next', next: 1 });
    expect(await done(3)).toEqual({ outcome: 'no-operation' });
    expect(await done(1)).toEqual({ outcome: 'recorded', workAreaId: 'saw', last: false });
    // Reported again, under another key (a second terminal): done already, nothing written twice.
    expect(await done(1, 'steps:again')).toEqual({ outcome: 'already', workAreaId: 'saw', last: false });
    expect(await done(2)).toEqual({ outcome: 'recorded', workAreaId: 'saw', last: true });

    const progress = await readOperationProgress(store().em.fork(), 'steps');
    expect(progress.map((p) => [p.position, p.state, p.doneBy])).toEqual([
      [1, 'done', 'ana'],
      [2, 'done', 'ana'],
    ]);
    expect(progress.every((p) => p.arrivedAt !== null && p.doneAt !== null && p.arrivedAt <= p.doneAt)).toBe(true);
    const audit = await store().em.fork().getConnection().execute<{ action: string; actor: string }[]>(`select action, actor from audit_log where subject_id = ? order by seq`, ['steps']);
    expect(audit).toEqual([
      { action: 'OPERATION_COMPLETED', actor: 'ana' },
      { action: 'OPERATION_COMPLETED', actor: 'ana' },
    ]);
  });

  it("finds a load drop's gateways from the open operations of the area, by the (area, done) index (SQLite)", async (ctx) => {
    // PostgreSQL's plan for a small test table is a scan either way.
    if (store().em.getPlatform() instanceof PostgreSqlPlatform) ctx.skip();
    const { rows } = await sql<{ detail: string }>`explain query plan ${gatewaysQuery('paint')}`.execute(sqlOn(store().em.fork()));
    expect(rows.map((r) => r.detail)).toContain('SEARCH op USING INDEX order_operations_work_area_id_done_at_index (work_area_id=? AND done_at=?)');
  });

  it('an order back in the pool from released work has nothing arrived anywhere; its next release brings its first step again', async () => {
    const em = store().em.fork();
    em.create(WorkAreaRecord, { id: 'drill', name: 'drill', kind: 'production_line', wipLimit: 10 });
    em.create(OrderRecord, { id: 'returned', account: 'ACME', kind: 'production', statedPriority: 'normal', dueAt: new Date(Date.now() + 3_600_000), workAreaId: 'drill', lines: [{ sku: 'A', qty: 1, price: 1 }], state: 'queued', inPool: true });
    createOperations(em, 'returned', [{ workAreaId: 'drill', hours: 1 }]);
    await em.flush();
    const states = async () => (await readOperationProgress(store().em.fork(), 'returned')).map((p) => p.state);
    await inTransaction(store().em, (tx) => arriveAtFirstOperation(tx, 'returned', new Date()));
    expect(await states()).toEqual(['arrived']);
    await inTransaction(store().em, (tx) => leaveOperations(tx, 'returned'));
    expect(await states()).toEqual(['waiting']);
    await inTransaction(store().em, (tx) => arriveAtFirstOperation(tx, 'returned', new Date()));
    expect(await states()).toEqual(['arrived']);
  });
});
