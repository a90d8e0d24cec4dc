import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { LoginThrottleRecord } from '../../store/login-throttle.entity.ts';
import { sqlOn } from '../../store/sql.ts';

/** Failures allowed before sign-in pauses; each further failure doubles the pause, up to the cap. */
export const FREE_ATTEMPTS = 3;
const FIRST_PAUSE_MS = 2_000;
const MAX_PAUSE_MS = 15 * 60_000;

export const throttleKey = (username: string, client: string) => `${username.toLowerCase()}|${client}`;

/** Milliseconds to wait before the next attempt may be checked, or 0. */
export async function pauseRemaining(em: EntityManager, key: string, now = new Date()): Promise<number> {
  const record = await em.findOne(LoginThrottleRecord, { key });
  return record?.lockedUntil ? Math.max(0, record.lockedUntil.getTime() - now.getTime()) : 0;
}

export function pauseAfter(failures: number): number {
  return failures < FREE_ATTEMPTS ? 0 : Math.min(MAX_PAUSE_MS, FIRST_PAUSE_MS * 2 ** (failures - FREE_ATTEMPTS));
}

/**
 * Counts a failure in one statement: failures guessed at once, through several API processes, each
 * count (a read then a write would lose some, and two first failures would collide on the key). The
 * pause is set only by the latest failure, so an earlier one finishing last cannot shorten it.
 */
export async function recordFailure(em: EntityManager, key: string, now = new Date()): Promise<number> {
  const db = sqlOn(em);
  const { rows } = await sql<{ failures: number }>`insert into login_throttle (key, failures, locked_until) values (${key}, ${1}, ${null})
    on conflict (key) do update set failures = login_throttle.failures + 1 returning failures`.execute(db);
  const failures = Number(rows[0]!.failures);
  const pause = pauseAfter(failures);
  await sql`update login_throttle set locked_until = ${pause > 0 ? new Date(now.getTime() + pause) : null} where key = ${key} and failures = ${failures}`.execute(db);
  return pause;
}

export async function clearFailures(em: EntityManager, key: string): Promise<void> {
  await em.nativeDelete(LoginThrottleRecord, { key });
}
