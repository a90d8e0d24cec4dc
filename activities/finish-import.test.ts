import type { Client } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { listNotifications } from '../store/notifications/notifications.ts';
import { OrderImportRecord } from '../store/order-import.entity.ts';
import { UserRecord } from '../store/user.entity.ts';
import { useTempStore } from '../test/temp-store.ts';
import { finishImportActivity } from './import-orders.ts';

describe('an import ends', () => {
  const store = useTempStore();

  it('done, telling the person who ran it once, however often its end is recorded, with the counts and a link to it', async () => {
    const em = store().em.fork();
    const now = new Date();
    em.create(UserRecord, { id: 'u-dana', username: 'dana', displayName: 'Dana', passwordHash: 'x', roles: ['dispatcher'] });
    em.create(OrderImportRecord, { id: 'imp-1', fileName: 'monday.csv', format: 'csv', state: 'running', headers: ['reference'], mapping: null, rows: 1_205, created: 1_200, rejected: 3, duplicates: 2, processed: 1_205, createdBy: 'dana', scope: 'user:u-dana', createdAt: now, updatedAt: now });
    await em.flush();
    const finish = finishImportActivity({ store: store(), temporal: null as unknown as Client, taskQueue: 'unused', clock: () => now });
    await finish({ importId: 'imp-1' });
    await finish({ importId: 'imp-1' });

    expect((await store().em.fork().findOneOrFail(OrderImportRecord, { id: 'imp-1' })).state).toBe('done');
    const page = await listNotifications(store().em.fork(), { id: 'u-dana', roles: ['dispatcher'] }, { limit: 10 });
    expect(page.items).toEqual([
      expect.objectContaining({ kind: 'import_done', title: 'Import of monday.csv done', text: '1,200 orders created, 3 rows rejected, 2 duplicates.', link: '/?view=import&import=imp-1' }),
    ]);
  });
});
