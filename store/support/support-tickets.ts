import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import { SUPPORT_DESK_ROLES, TICKET_TOPIC_WORDS } from '../../domain/support/support-ticket.ts';
import type { SupportTicketInput, SupportTicketView } from '../../domain/tracking.ts';
import { insertAudit } from '../audit-log.ts';
import { inTransaction } from '../in-transaction.ts';
import { notifyRole } from '../notifications/notifications.ts';
import { OrderRecord } from '../order.entity.ts';
import { SupportTicketRecord } from './support-ticket.entity.ts';

/**
 * Stores a customer's ticket on the order, with its audit entry, and tells the support desk, in one
 * transaction: a ticket nobody hears of, or a notification of a ticket that is not there, cannot happen.
 */
export async function raiseSupportTicket(em: EntityManager, orderId: string, input: SupportTicketInput, now = new Date()): Promise<string> {
  return inTransaction(em, async (tx) => {
    const order = await tx.findOneOrFail(OrderRecord, { id: orderId }, { fields: ['id', 'reference'] });
    const ticket = tx.create(SupportTicketRecord, { id: randomUUID(), orderId, ...input, status: 'open', assignee: null, version: 0, createdAt: now, updatedAt: now });
    await tx.flush();
    await insertAudit(tx, { dedupeKey: `support-ticket:${ticket.id}:raise`, subjectType: 'support_ticket', subjectId: ticket.id, action: 'raise', toState: 'open', actor: 'customer', at: now, data: { orderId, topic: input.topic } });
    for (const role of SUPPORT_DESK_ROLES) {
      await notifyRole(
        tx,
        role,
        {
          key: `support-ticket:${ticket.id}:${role}`,
          kind: 'support_ticket',
          title: `A customer asks about order ${order.reference ?? order.id}: ${TICKET_TOPIC_WORDS[input.topic]}`.slice(0, 200),
          text: `${input.name} (${input.contact}): ${input.message}`.slice(0, 1000),
          link: `/?view=support&ticket=${encodeURIComponent(ticket.id)}`,
        },
        now,
      );
    }
    return ticket.id;
  });
}

/** An order's tickets, newest first; bounded, as an order collects only a few. */
export async function listSupportTickets(em: EntityManager, orderId: string): Promise<SupportTicketView[]> {
  const rows = await em.find(SupportTicketRecord, { orderId }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: 100 });
  return rows.map((t) => ({ id: t.id, name: t.name, contact: t.contact, message: t.message, createdAt: t.createdAt.toISOString() }));
}

