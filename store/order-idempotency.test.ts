import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UniqueConstraintViolationException } from '@mikro-orm/sql';
import { afterAll, describe, expect, it } from 'vitest';
import { hoursFromNow } from '../test/clock.ts';
import { connectStore, openStore } from './open-store.ts';
import { OrderRecord } from './order.entity.ts';

describe('idempotency keys in the store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-idempotency-'));
  const file = join(dir, 'sluice.sqlite');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const order = (id: string, idempotencyScope: string, idempotencyKey: string) => ({
    id, reference: null, account: 'ACME', kind: 'pick' as const, statedPriority: 'normal' as const, dueAt: new Date(hoursFromNow(24)), workAreaId: 'pick-a',
    lines: [{ sku: 'A', qty: 1, price: 1 }], paymentMode: 'prepaid' as const, state: 'captured' as const, parentId: null, priorityScore: null, idempotencyScope, idempotencyKey,
  });

  it('a file from before migrations whose key was unique across callers is brought to a key unique per caller when migrated', async () => {
    // A release before migrations had the initial migration's tables and nothing after it.
    const before = await connectStore({ kind: 'sqlite', file });
    await before.migrator.up({ to: 'Migration20261206043830_initial' });
    const run = (q: string) => before.em.getConnection().execute<{ name: string }[]>(q);
    await run('drop index orders_idempotency_scope_idempotency_key_unique');
    await run('create unique index orders_idempotency_key_unique on orders (idempotency_key)');
    await run('drop table mikro_orm_migrations');
    await before.close();

    const store = await openStore({ kind: 'sqlite', file }, { migrate: true });
    try {
      const indexes = (await store.em.getConnection().execute<{ name: string }[]>(`select name from sqlite_master where tbl_name = 'orders' and type = 'index'`)).map((r) => r.name);
      expect(indexes).toContain('orders_idempotency_scope_idempotency_key_unique');
      expect(indexes).not.toContain('orders_idempotency_key_unique');
      const em = store.em.fork();
      em.create(OrderRecord, order('mine', 'token:a', 'k'));
      em.create(OrderRecord, order('theirs', 'token:b', 'k'));
      await em.flush();
      const again = store.em.fork();
      again.create(OrderRecord, order('mine-again', 'token:a', 'k'));
      await expect(again.flush()).rejects.toBeInstanceOf(UniqueConstraintViolationException);
    } finally {
      await store.close();
    }
  });
});
