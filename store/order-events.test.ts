import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/sql';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTempStore } from '../test/temp-store.ts';
import { appendAudit } from './audit-log.ts';
import { latestPosition, orderEventsQuery, positionOf, readOrderEvents, type PositionedEvent } from './order-events.ts';
import { sqlOn } from './sql.ts';

async function transition(em: EntityManager, orderId: string) {
  appendAudit(em, { dedupeKey: `t-${randomUUID()}`, subjectType: 'order', subjectId: orderId, action: 'RELEASE', fromState: 'queued', toState: 'released', actor: 'system' });
  await em.flush();
}

/*
 * On PostgreSQL a row is read once no transaction older than it is still open anywhere on the server
 * (transaction ids are server-wide), and other test files use the same server: reads wait for that.
 */
const settled = (read: () => Promise<PositionedEvent[]>) => expect.poll(async () => (await read()).map((e) => e.event.orderId), { timeout: 15_000, interval: 50 });

describe('order events read from the audit log', () => {
  const store = useTempStore();

  it('reads order transitions after a position, in order, and finds the position of a Last-Event-ID', async () => {
    const em = store().em.fork();
    const from = await latestPosition(em);
    await transition(em, 'o-1');
    appendAudit(em, { dedupeKey: `u-${randomUUID()}`, subjectType: 'user', subjectId: 'ann', action: 'login', actor: 'ann' });
    await transition(em, 'o-2');
    await settled(() => readOrderEvents(em, from, 10)).toEqual(['o-1', 'o-2']);
    const events = await readOrderEvents(em, from, 10);
    expect(await positionOf(em, events[0]!.event.seq)).toEqual(events[0]!.position);
    expect((await readOrderEvents(em, events[0]!.position, 10)).map((e) => e.event.orderId)).toEqual(['o-2']);
    expect(await latestPosition(em)).toEqual(events[1]!.position);
  });

  it('reads after a position as a range of one index, with no sort: a read costs what it returns, not the log (SQLite)', async (ctx) => {
    // SQLite plans alike with or without statistics; PostgreSQL's plan for a small test table is a scan either way.
    if (store().em.getPlatform() instanceof PostgreSqlPlatform) ctx.skip();
    const em = store().em.fork();
    const { rows } = await sql<{ detail: string }>`explain query plan ${orderEventsQuery(em, { xact: 0, seq: 41 }, 100)}`.execute(sqlOn(em));
    expect(rows.map((r) => r.detail)).toEqual(['SEARCH audit_log USING INDEX audit_log_subject_type_xact_id_seq_index (subject_type=? AND xact_id>?)']);
  });

  it('holds back a higher seq committed before a lower one until the lower one commits (PostgreSQL)', async (ctx) => {
    // SQLite lets one writer in at a time, so a higher seq never commits first there.
    if (!(store().em.getPlatform() instanceof PostgreSqlPlatform)) ctx.skip();
    const from = await latestPosition(store().em.fork());
    let commitFirst!: () => void;
    let firstWritten!: () => void;
    const written = new Promise<void>((resolve) => (firstWritten = resolve));
    const first = store().em.fork().transactional(async (tx) => {
      await transition(tx, 'o-lower-seq');
      firstWritten();
      await new Promise<void>((resolve) => (commitFirst = resolve));
    });
    await written;
    try {
      await store().em.fork().transactional((tx) => transition(tx, 'o-higher-seq'));
      expect(await readOrderEvents(store().em.fork(), from, 10)).toEqual([]);
    } finally {
      commitFirst();
      await first;
    }
    await settled(() => readOrderEvents(store().em.fork(), from, 10)).toEqual(['o-lower-seq', 'o-higher-seq']);
    const events = await readOrderEvents(store().em.fork(), from, 10);
    expect(events[0]!.event.seq).toBeLessThan(events[1]!.event.seq);
  });
});
