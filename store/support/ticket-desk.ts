import type { EntityManager } from '@mikro-orm/sql';
import type { PublicTicketView, SupportQueue, SupportQueueQuery, SupportTicketDetail, TicketMessage } from '../../domain/support/support-ticket.ts';
import { stepTicket, type TicketEvent } from '../../domain/support/ticket-machine.ts';
import { can, describeRolesFor } from '../../domain/roles.ts';
import { insertAudit } from '../audit-log.ts';
import { inTransaction } from '../in-transaction.ts';
import { OrderRecord } from '../order.entity.ts';
import { UserRecord } from '../user.entity.ts';
import { SupportTicketRecord, SupportTicketReplyRecord } from './support-ticket.entity.ts';
import { TicketRefusal } from './ticket-refusal.ts';

const summaryOf = (t: SupportTicketRecord, reference: string) => ({
  id: t.id,
  orderId: t.orderId,
  orderReference: reference,
  topic: t.topic,
  name: t.name,
  contact: t.contact,
  message: t.message,
  status: t.status,
  assignee: t.assignee ?? null,
  version: t.version,
  createdAt: t.createdAt.toISOString(),
  updatedAt: (t.updatedAt ?? t.createdAt).toISOString(),
});

const references = async (em: EntityManager, orderIds: string[]) =>
  new Map((await em.find(OrderRecord, { id: { $in: [...new Set(orderIds)] } }, { fields: ['id', 'reference'] })).map((o) => [o.id, o.reference ?? o.id]));

/** The queue: unassigned first, then oldest first, filtered by status, assignee and topic. */
export async function supportQueue(em: EntityManager, query: SupportQueueQuery): Promise<SupportQueue> {
  const rows = await em.find(
    SupportTicketRecord,
    {
      ...(query.status === 'active' ? { status: { $ne: 'closed' as const } } : { status: query.status }),
      ...(query.assignee === 'unassigned' ? { assignee: null } : query.assignee ? { assignee: query.assignee } : {}),
      ...(query.topic ? { topic: query.topic } : {}),
    },
    // Unassigned first: said outright, as SQLite sorts nulls first and PostgreSQL last by default.
    { orderBy: [{ assignee: 'asc nulls first' }, { createdAt: 'asc' }, { id: 'asc' }], limit: query.limit },
  );
  const refs = await references(em, rows.map((t) => t.orderId));
  return { tickets: rows.map((t) => summaryOf(t, refs.get(t.orderId) ?? t.orderId)) };
}

const repliesOf = async (em: EntityManager, ticketId: string): Promise<TicketMessage[]> =>
  (await em.find(SupportTicketReplyRecord, { ticketId }, { orderBy: { seq: 'asc' }, limit: 200 })).map((r) => ({ id: String(r.seq), from: r.from, author: r.author ?? null, text: r.text, createdAt: r.createdAt.toISOString() }));

export async function readTicket(em: EntityManager, id: string): Promise<SupportTicketDetail | null> {
  const ticket = await em.findOne(SupportTicketRecord, { id });
  if (!ticket) return null;
  const refs = await references(em, [ticket.orderId]);
  return { ...summaryOf(ticket, refs.get(ticket.orderId) ?? ticket.orderId), replies: await repliesOf(em, id) };
}

export type DeskChange = { type: 'assign'; assignee: string } | { type: 'answer'; text: string } | { type: 'close' };

/**
 * Assigns, answers or closes a ticket as the desk's `by`, if it is still at `version`; with its audit entry
 * and, for an answer, the reply the customer reads. A refusal changes nothing.
 */
export async function changeTicket(em: EntityManager, id: string, version: number, change: DeskChange, by: string, now = new Date()): Promise<void> {
  await inTransaction(em, async (tx) => {
    const ticket = await tx.findOne(SupportTicketRecord, { id });
    if (!ticket) throw new TicketRefusal(`No ticket ${id}.`);
    if (ticket.version !== version) throw new TicketRefusal('Someone changed this ticket since you opened it: look at it again, then retry.');
    if (change.type === 'assign') {
      const person = await tx.findOne(UserRecord, { username: change.assignee, disabled: false }, { fields: ['roles'] });
      if (!person) throw new TicketRefusal(`Nobody signs in as ${change.assignee}: assign the ticket to a user name.`);
      if (!can(person.roles, 'support.answer')) throw new TicketRefusal(`${change.assignee} cannot answer tickets: that needs ${describeRolesFor('support.answer')}.`);
    }
    const event: TicketEvent = change.type === 'answer' ? { type: 'answer', by } : change;
    const step = stepTicket({ status: ticket.status, assignee: ticket.assignee ?? null }, event);
    if (!step.ok) throw new TicketRefusal(step.refusal);
    const updated = await tx.nativeUpdate(SupportTicketRecord, { id, version }, { status: step.next.status, assignee: step.next.assignee, version: version + 1, updatedAt: now });
    if (updated !== 1) throw new TicketRefusal('Someone changed this ticket since you opened it: look at it again, then retry.');
    if (change.type === 'answer') tx.create(SupportTicketReplyRecord, { ticketId: id, from: 'support', author: by, text: change.text, createdAt: now });
    await tx.flush();
    await insertAudit(tx, {
      dedupeKey: `support-ticket:${id}:${version + 1}`,
      subjectType: 'support_ticket',
      subjectId: id,
      action: change.type,
      fromState: ticket.status,
      toState: step.next.status,
      actor: by,
      at: now,
      data: { orderId: ticket.orderId, assignee: step.next.assignee, version: version + 1 },
    });
  });
}

/** The customer's reply from the tracking page: kept, audited, and the ticket reopens. False when the order has no such ticket. */
export async function customerReply(em: EntityManager, orderId: string, ticketId: string, text: string, now = new Date()): Promise<boolean> {
  return inTransaction(em, async (tx) => {
    const ticket = await tx.findOne(SupportTicketRecord, { id: ticketId, orderId });
    if (!ticket) return false;
    const step = stepTicket({ status: ticket.status, assignee: ticket.assignee ?? null }, { type: 'customer_reply' });
    if (!step.ok) throw new TicketRefusal(step.refusal);
    await tx.nativeUpdate(SupportTicketRecord, { id: ticketId }, { status: step.next.status, version: ticket.version + 1, updatedAt: now });
    tx.create(SupportTicketReplyRecord, { ticketId, from: 'customer', author: null, text, createdAt: now });
    await tx.flush();
    await insertAudit(tx, { dedupeKey: `support-ticket:${ticketId}:${ticket.version + 1}`, subjectType: 'support_ticket', subjectId: ticketId, action: 'customer_reply', fromState: ticket.status, toState: step.next.status, actor: 'customer', at: now, data: { orderId } });
    return true;
  });
}

/** The order's tickets as its tracking page shows them: no contact, no assignee, the desk's answers unsigned. */
export async function publicTickets(em: EntityManager, orderId: string): Promise<PublicTicketView[]> {
  const tickets = await em.find(SupportTicketRecord, { orderId }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: 20 });
  return Promise.all(
    tickets.map(async (t) => ({ id: t.id, topic: t.topic, message: t.message, status: t.status, createdAt: t.createdAt.toISOString(), replies: (await repliesOf(em, t.id)).map(({ author: _, ...reply }) => reply) })),
  );
}
