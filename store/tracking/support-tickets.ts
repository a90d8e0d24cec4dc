import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import type { SupportTicketInput, SupportTicketView } from '../../domain/tracking.ts';
import { inTransaction } from '../in-transaction.ts';
import { notifyRole } from '../notifications/notifications.ts';
import { OrderRecord } from '../order.entity.ts';
import { SupportTicketRecord } from './support-ticket.entity.ts';

/**
 * Stores a customer's ticket on the order and tells the order processors, in one transaction: a ticket
 * nobody hears of, or a notification of a ticket that is not there, cannot happen.
 */
export async function raiseSupportTicket(em: EntityManager, orderId: string, input: SupportTicketInput, now = new Date()): Promise<string> {
  return inTransaction(em, async (tx) => {
    const order = await tx.findOneOrFail(OrderRecord, { id: orderId }, { fields: ['id', 'reference'] });
    const ticket = tx.create(SupportTicketRecord, { id: randomUUID(), orderId, ...input, createdAt: now });
    await tx.flush();
    await notifyRole(
      tx,
      'order_processor',
      {
        key: `support-ticket:${ticket.id}`,
        kind: 'support_ticket',
        title: `A customer asks about order ${order.reference ?? order.id}`.slice(0, 200),
        text: `${input.name} (${input.contact}): ${input.message}`.slice(0, 1000),
        link: `/?view=orders&order=${encodeURIComponent(orderId)}`,
      },
      now,
    );
    return ticket.id;
  });
}

/** An order's tickets, newest first; bounded, as an order collects only a few. */
export async function listSupportTickets(em: EntityManager, orderId: string): Promise<SupportTicketView[]> {
  const rows = await em.find(SupportTicketRecord, { orderId }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: 100 });
  return rows.map((t) => ({ id: t.id, name: t.name, contact: t.contact, message: t.message, createdAt: t.createdAt.toISOString() }));
}
