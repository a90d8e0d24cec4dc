import { describe, expect, it } from 'vitest';
import { useTempStore } from '../../test/temp-store.ts';
import { listNotifications } from '../notifications/notifications.ts';
import { UserRecord } from '../user.entity.ts';
import { createBulkJob, finishBulkJobRecord } from './bulk-jobs.ts';

describe('a bulk job ends', () => {
  const store = useTempStore();

  it('telling the person who asked once, however often its end is recorded, with the counts and a link to the job', async () => {
    const em = store().em.fork();
    em.create(UserRecord, { id: 'u-dana', username: 'dana', displayName: 'Dana', passwordHash: 'x', roles: ['dispatcher'] });
    await em.flush();
    const at = new Date();
    await createBulkJob(store().em.fork(), { id: 'job-1', request: { action: 'release_hold', holdType: 'credit' }, filter: null, requestedBy: 'dana', requestedRoles: ['dispatcher'], orderIds: ['a', 'b'], at });
    await finishBulkJobRecord(store().em.fork(), 'job-1', true, at);
    await finishBulkJobRecord(store().em.fork(), 'job-1', true, at);

    const page = await listNotifications(store().em.fork(), { id: 'u-dana', roles: ['dispatcher'] }, { limit: 10 });
    expect(page.items).toEqual([
      expect.objectContaining({ kind: 'bulk_job_finished', title: 'Bulk release hold cancelled', text: '0 done, 0 refused, 0 failed, 2 not run.', link: '/?view=bulk&job=job-1', read: false }),
    ]);
  });

  it('telling no one when a token asked', async () => {
    const at = new Date();
    await createBulkJob(store().em.fork(), { id: 'job-2', request: { action: 'cancel', reason: 'x' }, filter: null, requestedBy: 'token:erp', requestedRoles: ['dispatcher'], orderIds: ['a'], at });
    await finishBulkJobRecord(store().em.fork(), 'job-2', false, at);
    const page = await listNotifications(store().em.fork(), { id: 'token:erp', roles: [] }, { limit: 10 });
    expect(page.items).toEqual([]);
  });
});
