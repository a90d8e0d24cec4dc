import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { DEADLINE_SOON_MINUTES, orderLink } from '../../domain/notification.ts';
import type { OrderState } from '../../domain/order.ts';
import { sqlOn, dateOf, type DateColumn } from '../sql.ts';
import { notifyRole } from './notifications.ts';

/** States an order's due time no longer concerns: its work is done, or it will not be done. */
export const FINISHED_STATES: readonly OrderState[] = ['completed', 'delivered', 'awaiting_remit', 'closed', 'cancelled', 'rejected', 'split'];

const PAGE = 500;

export const deadlineSoonKey = (orderId: string) => `deadline-soon:${orderId}`;

/**
 * Notifies the dispatcher role of every unfinished order due within the next 30 minutes that was not
 * notified yet; answers how many it notified. A read of the (due_at, id) index over the next 30 minutes,
 * so it costs the orders due then, not the orders stored. One notification per order, keyed by it, so
 * passes that overlap (every worker runs them) or run again write it once.
 */
export async function notifyDeadlinesSoon(em: EntityManager, now: Date): Promise<number> {
  const horizon = new Date(now.getTime() + DEADLINE_SOON_MINUTES * 60_000);
  let notified = 0;
  for (let after = ''; ; ) {
    const { rows } = await sql<{ id: string; reference: string | null; state: OrderState; due_at: DateColumn }>`select o.id, o.reference, o.state, o.due_at from orders o
      where o.due_at > ${now} and o.due_at <= ${horizon} and o.id > ${after} and o.state not in (${sql.join([...FINISHED_STATES])})
        and not exists (select 1 from notifications n where n.dedupe_key = ${'deadline-soon:'} || o.id)
      order by o.id limit ${PAGE}`.execute(sqlOn(em));
    for (const order of rows) {
      const minutes = Math.max(1, Math.round((dateOf(order.due_at).getTime() - now.getTime()) / 60_000));
      const title = `Order ${order.reference ?? order.id} is due in ${minutes} min`.slice(0, 200);
      const text = `Due ${dateOf(order.due_at).toISOString().slice(11, 16)} UTC and still ${order.state.replaceAll('_', ' ')}.`;
      if (await notifyRole(em, 'dispatcher', { key: deadlineSoonKey(order.id), kind: 'deadline_soon', title, text, link: orderLink(order.id) }, now)) notified++;
    }
    if (rows.length < PAGE) return notified;
    after = rows.at(-1)!.id;
  }
}
