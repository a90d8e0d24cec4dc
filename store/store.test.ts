import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testStoreConfig } from '../test/temp-store.ts';
import { AuditEntryRecord } from './audit-entry.entity.ts';
import { appendAudit, isRecorded } from './audit-log.ts';
import { openStore, type Store } from './open-store.ts';
import { findPublishedRuleset } from './rulesets.ts';
import { seedDefaults } from './seed.ts';
import { WorkAreaRecord } from './work-area.entity.ts';

describe('store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-store-'));
  const config = testStoreConfig(dir);
  let store: Store;

  beforeAll(async () => {
    store = await openStore(config, { migrate: true });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('seeds a work area and a published priority ruleset once, and keeps later edits', async () => {
    await seedDefaults(store.em.fork());
    const em = store.em.fork();
    const area = await em.findOneOrFail(WorkAreaRecord, { id: 'pick-a' });
    area.wipLimit = 3;
    await em.flush();
    await seedDefaults(store.em.fork());
    expect((await store.em.fork().findOneOrFail(WorkAreaRecord, { id: 'pick-a' })).wipLimit).toBe(3);
    const ruleset = await findPublishedRuleset(store.em.fork(), 'priority');
    expect(ruleset).toMatchObject({ id: 'priority', version: 1, status: 'published' });
    expect(ruleset?.definition.rules.length).toBeGreaterThan(0);
  });

  it('keeps the audit log append-only', async () => {
    const em = store.em.fork();
    appendAudit(em, { dedupeKey: 'k-1', subjectType: 'order', subjectId: 'o-1', action: 'CAPTURED', toState: 'captured', actor: 'system' });
    await em.flush();
    expect(await isRecorded(store.em.fork(), 'k-1')).toBe(true);
    const conn = store.em.getConnection();
    await expect(conn.execute(`update audit_log set actor = 'mallory'`)).rejects.toThrow(/append-only/);
    await expect(conn.execute(`delete from audit_log`)).rejects.toThrow(/append-only/);
    // SQLite has no truncate; its `delete from` without a where clause is the same emptying, guarded above.
    if (config.kind === 'postgres') await expect(conn.execute(`truncate audit_log`)).rejects.toThrow(/append-only/);
    expect(await store.em.fork().count(AuditEntryRecord, {})).toBe(1);
  });

  it('re-opens an existing database without losing data or the audit guards', async () => {
    const again = await openStore(config, { migrate: true });
    try {
      expect(await again.em.fork().count(AuditEntryRecord, {})).toBe(1);
      await expect(again.em.getConnection().execute(`delete from audit_log`)).rejects.toThrow(/append-only/);
    } finally {
      await again.close();
    }
  });
});
