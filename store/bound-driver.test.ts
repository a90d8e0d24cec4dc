import { describe, expect, it } from 'vitest';
import { testStoreKind, useTempStore } from '../test/temp-store.ts';
import { AuditEntryRecord } from './audit-entry.entity.ts';
import { appendAudit } from './audit-log.ts';
import { UserRecord } from './user.entity.ts';
import { WorkAreaRecord } from './work-area.entity.ts';
import { addUser } from './users.ts';

/** Values no SQL text could hold: every ORM query binds them instead of writing them into the statement. */
describe('the store binds values', () => {
  const store = useTempStore();

  // PostgreSQL's text holds no NUL at all: it refuses the value (the API refuses control characters before that).
  const refusedOnPostgres = testStoreKind() === 'postgres' ? /0x00/ : null;

  it.each([
    { case: 'a NUL', text: 'a\u0000b', refused: refusedOnPostgres },
    { case: 'quotes and a placeholder', text: `o'brien "?" ; drop table users; -- $1`, refused: null },
    { case: 'an emoji and a newline', text: 'line 1\nline 2 🚚', refused: null },
  ])('writes, finds and reads back a string with $case', async ({ text, refused }) => {
    const em = store().em.fork();
    const user = addUser(em, { username: `u-${crypto.randomUUID()}`, displayName: text, roles: ['dispatcher'], passwordHash: 'x' });
    if (refused) return void (await expect(em.flush()).rejects.toThrow(refused));
    await em.flush();
    const found = await store().em.fork().findOne(UserRecord, { displayName: text, id: user.id });
    expect(found?.displayName).toBe(text);
    expect(await store().em.fork().findOne(UserRecord, { username: text })).toBeNull();
  });

  it('keeps numbers as a JavaScript number holds them, the smallest and the largest', async () => {
    const em = store().em.fork();
    em.create(WorkAreaRecord, { id: 'tiny-norm', name: 'Tiny', kind: 'pick_zone', wipLimit: 1, workloadNormHours: 5e-324 });
    em.create(WorkAreaRecord, { id: 'huge-norm', name: 'Huge', kind: 'pick_zone', wipLimit: 1, workloadNormHours: Number.MAX_VALUE });
    await em.flush();
    const found = await store().em.fork().find(WorkAreaRecord, { id: { $in: ['tiny-norm', 'huge-norm'] } }, { orderBy: { id: 'asc' } });
    expect(found.map((a) => a.workloadNormHours)).toEqual([Number.MAX_VALUE, 5e-324]);
  });

  it('still takes a list longer than SQLite binds in one statement', async () => {
    const ids = Array.from({ length: 40_000 }, (_, i) => `nobody-${i}`);
    expect(await store().em.fork().find(UserRecord, { id: { $in: ids } })).toEqual([]);
  });

  it('writes a number beyond any range as a value, not as the word Infinity', async () => {
    const em = store().em.fork();
    appendAudit(em, { dedupeKey: 'infinite', subjectType: 'order', subjectId: 'o-inf', action: 'noted', actor: 'test', data: { value: 1 }, reason: null });
    await em.flush();
    const found = store().em.fork().find(AuditEntryRecord, { subjectId: 'o-inf', seq: { $lt: Number.POSITIVE_INFINITY } });
    // SQLite compares an integer with infinity; PostgreSQL refuses infinity as the integer the column takes.
    if (testStoreKind() === 'postgres') await expect(found).rejects.toThrow(/invalid input syntax for type integer/);
    else expect(await found).toHaveLength(1);
  });
});
