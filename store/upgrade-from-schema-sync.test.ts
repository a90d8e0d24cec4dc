import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoursFromNow } from '../test/clock.ts';
import { listOrders } from './order-list.ts';
import { findOrderDetail } from './order-read-model.ts';
import { OrderRecord } from './order.entity.ts';
import { projectTransition, type OrderTransition } from './order-transition.ts';
import { openStore, type Store } from './open-store.ts';
import { pendingMigrations } from './migrate.ts';

/**
 * The SQLite file of the last release before migrations (2666c29), whose schema the entities kept in
 * sync on every start. Made by that release's own store code (seed, demo users, a session, a token, a
 * throttled sign-in, a republished ruleset and a draft, orders with their decisions and transitions),
 * then dumped: its schema as it wrote it and every row as stored.
 */
type Fixture = { release: string; schema: string[]; rows: Record<string, Record<string, SQLInputValue>[]> };
const fixture = JSON.parse(readFileSync(new URL('fixtures/schema-sync-release.json', import.meta.url), 'utf8')) as Fixture;

function writeFixtureFile(file: string): void {
  const db = new DatabaseSync(file);
  for (const ddl of fixture.schema) db.exec(ddl);
  for (const [table, rows] of Object.entries(fixture.rows)) {
    for (const row of rows) {
      const columns = Object.keys(row);
      db.prepare(`insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`).run(...Object.values(row));
    }
  }
  db.close();
}

describe(`upgrade from the SQLite file of the release before migrations (${fixture.release})`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-upgrade-'));
  const file = join(dir, 'sluice.sqlite');
  let store: Store;

  beforeAll(async () => {
    writeFixtureFile(file);
    await expect(openStore({ kind: 'sqlite', file })).rejects.toThrow(/run \.\/sluice migrate/);
    store = await openStore({ kind: 'sqlite', file }, { migrate: true });
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every row of every table', async () => {
    expect(await pendingMigrations(store)).toEqual([]);
    const connection = store.em.getConnection();
    for (const [table, rows] of Object.entries(fixture.rows)) {
      // Columns added by later migrations are not the old release's rows.
      const kept = await connection.execute<Record<string, unknown>[]>(`select * from "${table}"`);
      expect(kept.map((row) => Object.fromEntries(Object.keys(rows[0] ?? {}).map((column) => [column, row[column]]))), table).toEqual(rows);
    }
  });

  it('reads the old orders with their decisions and timelines', async () => {
    const { total } = await listOrders(store.em.fork());
    expect(total).toBe(fixture.rows.orders!.length);
    for (const order of fixture.rows.orders!) {
      const detail = await findOrderDetail(store.em.fork(), String(order.id));
      expect(detail?.decisions.length, String(order.id)).toBeGreaterThan(0);
      expect(detail?.timeline.length, String(order.id)).toBeGreaterThan(0);
    }
  });

  it('has the schema the entities describe, and the audit guards', async () => {
    expect(await store.schema.getUpdateSchemaSQL({ wrap: false })).toBe('');
    const connection = store.em.getConnection();
    await expect(connection.execute(`update audit_log set actor = 'mallory'`)).rejects.toThrow(/append-only/);
    await expect(connection.execute(`delete from audit_log`)).rejects.toThrow(/append-only/);
  });

  it('takes new orders and their transitions after the old ones', async () => {
    const em = store.em.fork();
    em.create(OrderRecord, {
      id: 'after-upgrade', reference: null, account: 'ACME', kind: 'pick', statedPriority: 'normal', dueAt: new Date(hoursFromNow(24)), workAreaId: 'pick-a',
      lines: [{ sku: 'A', qty: 1, price: 1 }], paymentMode: 'prepaid', state: 'captured', parentId: null, priorityScore: null,
    });
    await em.flush();
    const transition: OrderTransition = { key: 'after-upgrade:0', orderId: 'after-upgrade', from: 'captured', to: 'validating', event: 'VALIDATE', actor: 'test', reason: null, priorityScore: null, escalation: null, holds: [], assignee: null, data: null };
    expect(await store.em.fork().transactional((tx) => projectTransition(tx, transition, new Date()))).toBe('recorded');
    const detail = await findOrderDetail(store.em.fork(), 'after-upgrade');
    expect(detail?.state).toBe('validating');
    const lastOldSeq = Math.max(...fixture.rows.audit_log!.map((r) => Number(r.seq)));
    expect(detail?.timeline.at(-1)?.seq).toBeGreaterThan(lastOldSeq);
  });
});

describe('a SQLite file older than the release before migrations', () => {
  it('is refused with what to do, and left as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sluice-upgrade-older-'));
    const file = join(dir, 'sluice.sqlite');
    try {
      writeFixtureFile(file);
      // Older releases had no idempotency scope: the column and its index came later.
      const db = new DatabaseSync(file);
      db.exec('drop index orders_idempotency_scope_idempotency_key_unique; alter table orders drop column idempotency_scope');
      db.close();
      await expect(openStore({ kind: 'sqlite', file }, { migrate: true })).rejects.toThrow(/made before migrations, by a release older .* Start it once with that release .* Nothing was changed\./);
      const after = new DatabaseSync(file);
      const tables = after.prepare(`select name from sqlite_master where type = 'table' and name = 'mikro_orm_migrations'`).all();
      const orders = after.prepare('select count(*) as n from orders').get() as { n: number };
      after.close();
      expect(tables).toEqual([]);
      expect(orders.n).toBe(fixture.rows.orders!.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
