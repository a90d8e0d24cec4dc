import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { sqlOn } from '../sql.ts';
import { PublicRateLimitRecord } from './public-rate-limit.entity.ts';

/** Requests allowed per window: from one client address, and from everyone together. */
export interface RateLimits {
  perAddress: number;
  global: number;
  windowMs: number;
}

const EVERYONE = '*';

/** Counts one hit in one statement, so API processes counting at the same moment each add theirs. */
async function hit(em: EntityManager, who: string, windowStart: Date): Promise<number> {
  const key = `${who}|${windowStart.getTime()}`;
  const { rows } = await sql<{ hits: number }>`insert into public_rate_limits (key, window_start, hits) values (${key}, ${windowStart}, 1)
    on conflict (key) do update set hits = public_rate_limits.hits + 1 returning hits`.execute(sqlOn(em));
  return Number(rows[0]!.hits);
}

/**
 * Counts a request from `address` against a fixed window: 0 when it may go on, else the milliseconds until
 * the window ends. A fixed window lets up to twice the limit through around its edge; the limit is there
 * to stop token guessing and floods, which that does not help. An address over its own limit is refused
 * before it counts against everyone's, so one flood does not use up the others' share.
 */
export async function takePublicHit(em: EntityManager, address: string, limits: RateLimits, now = new Date()): Promise<number> {
  const start = Math.floor(now.getTime() / limits.windowMs) * limits.windowMs;
  const windowStart = new Date(start);
  const wait = Math.max(1, start + limits.windowMs - now.getTime());
  if ((await hit(em, address, windowStart)) > limits.perAddress) return wait;
  const everyone = await hit(em, EVERYONE, windowStart);
  // The first request of a window clears the windows before it, so the table holds two windows at most.
  if (everyone === 1) await em.nativeDelete(PublicRateLimitRecord, { windowStart: { $lt: windowStart } });
  return everyone > limits.global ? wait : 0;
}
