import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { dayOf, siteTimeZone } from '../../domain/reconciliation/site-day.ts';
import { dateOf, sqlOn, type DateColumn } from '../sql.ts';

/** A day that is signed off: changes to it are refused until finance reopens it. */
export interface LockedDay {
  site: string;
  day: string;
}

export const lockedDayMessage = ({ site, day }: LockedDay): string => `${site} ${day} is signed off; reopen it first`;

/** The site's time zone by the rule of site-day.ts, from its work areas. */
export async function readSiteTimeZone(em: EntityManager, site: string): Promise<string> {
  const { rows } = await sql<{ time_zone: string }>`select distinct time_zone from work_areas where warehouse = ${site}`.execute(sqlOn(em));
  return siteTimeZone(rows.map((r) => ({ warehouse: site, timeZone: r.time_zone })), site);
}

/** The first of the site's days that is signed off, if any. */
export async function signedOffAmong(em: EntityManager, site: string, days: readonly string[]): Promise<LockedDay | null> {
  if (days.length === 0) return null;
  const { rows } = await sql<{ day: string }>`select day from reconciliation_days where site = ${site} and day in (${sql.join([...new Set(days)])}) and status = ${'signed_off'} order by day`.execute(sqlOn(em));
  return rows[0] ? { site, day: rows[0].day } : null;
}

/**
 * The signed-off day a money change on the order would alter, if any: the day it happens on at the order's
 * site, and the day the order shipped (its COD and its invoice are reconciled on that day). An order with
 * no warehouse belongs to no site, and no sign-off holds it.
 */
export async function lockedDayOfOrder(em: EntityManager, orderId: string, now: Date): Promise<LockedDay | null> {
  const { rows } = await sql<{ warehouse: string | null; finished_at: DateColumn | null }>`select warehouse, finished_at from orders where id = ${orderId}`.execute(sqlOn(em));
  const order = rows[0];
  if (!order?.warehouse) return null;
  const zone = await readSiteTimeZone(em, order.warehouse);
  const days = [dayOf(now, zone), ...(order.finished_at === null ? [] : [dayOf(dateOf(order.finished_at), zone)])];
  return signedOffAmong(em, order.warehouse, days);
}
