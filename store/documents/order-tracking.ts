import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { sqlOn } from '../sql.ts';

/** 128 random bits: a link nobody can guess or derive from an order's id or reference. */
export const newTrackingToken = (): string => randomBytes(16).toString('base64url');

/** The order's tracking token, made the first time it is asked for; two first asks agree on one. */
export async function trackingTokenOf(em: EntityManager, orderId: string): Promise<string> {
  const db = sqlOn(em);
  await sql`insert into order_tracking (order_id, token, created_at) values (${orderId}, ${newTrackingToken()}, ${new Date()}) on conflict (order_id) do nothing`.execute(db);
  const { rows } = await sql<{ token: string }>`select token from order_tracking where order_id = ${orderId}`.execute(db);
  return rows[0]!.token;
}

/** The customer's tracking page: `<public URL>/track/<token>`. */
export const trackingUrl = (publicUrl: string, token: string): string => `${publicUrl.replace(/\/+$/, '')}/track/${token}`;
