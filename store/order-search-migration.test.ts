import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { testStoreConfig } from '../test/temp-store.ts';
import { connectStore, type Store } from './open-store.ts';
import { jsonValue, sqlOn } from './sql.ts';

describe('the order search migration, over orders stored before it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-search-migration-'));
  let store: Store | undefined;
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keys their references and accounts as Sluice does and lists each SKU of their lines once', async () => {
    store = await connectStore(testStoreConfig(dir));
    await store.migrator.up({ to: 'Migration20261206172812_orders_table_indexes' });
    const db = sqlOn(store.em.fork());
    const lines = jsonValue([{ sku: 'S-1', qty: 1, price: 1 }, { sku: 'S-1', qty: 2, price: 1 }, { sku: 'S-2', qty: 1, price: 1 }]);
    const now = new Date();
    await sql`insert into orders (id, reference, account, kind, stated_priority, due_at, work_area_id, lines, state, created_at, updated_at)
      values ('a', 'REF-Ab/1', 'Globex Ärger', 'pick', 'normal', ${now}, 'area', ${lines}, 'queued', ${now}, ${now}),
             ('b', null, 'ACME', 'pick', 'normal', ${now}, 'area', ${lines}, 'queued', ${now}, ${now})`.execute(db);

    await store.migrator.up();

    const keys = await sql<{ id: string; reference_key: string | null; account_key: string }>`select id, reference_key, account_key from orders order by id`.execute(db);
    expect(keys.rows).toEqual([
      { id: 'a', reference_key: 'ref-ab/1', account_key: 'globex Ärger' },
      { id: 'b', reference_key: null, account_key: 'acme' },
    ]);
    const skus = await sql<{ order_id: string; sku: string }>`select order_id, sku from order_skus order by order_id, sku`.execute(db);
    expect(skus.rows).toEqual([
      { order_id: 'a', sku: 'S-1' },
      { order_id: 'a', sku: 'S-2' },
      { order_id: 'b', sku: 'S-1' },
      { order_id: 'b', sku: 'S-2' },
    ]);
  });
});
