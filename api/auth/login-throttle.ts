import type { EntityManager } from '@mikro-orm/sql';
import { LoginThrottleRecord } from '../../store/login-throttle.entity.ts';

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

export async function recordFailure(em: EntityManager, key: string, now = new Date()): Promise<number> {
  const record = (await em.findOne(LoginThrottleRecord, { key })) ?? em.create(LoginThrottleRecord, { key, failures: 0, lockedUntil: null });
  record.failures += 1;
  const pause = pauseAfter(record.failures);
  record.lockedUntil = pause > 0 ? new Date(now.getTime() + pause) : null;
  await em.flush();
  return pause;
}

export async function clearFailures(em: EntityManager, key: string): Promise<void> {
  await em.nativeDelete(LoginThrottleRecord, { key });
}
