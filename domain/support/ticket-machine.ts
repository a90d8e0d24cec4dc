/**
 * A support ticket's lifecycle: open → assigned → answered → closed. The support desk assigns, answers and
 * closes; the customer's reply reopens it (to its assignee when it has one). Pure: the store applies it.
 */
export const TICKET_STATUSES = ['open', 'assigned', 'answered', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export type TicketEvent = { type: 'assign'; assignee: string } | { type: 'answer'; by: string } | { type: 'close' } | { type: 'customer_reply' };

export interface TicketState {
  status: TicketStatus;
  assignee: string | null;
}

export type TicketStep = { ok: true; next: TicketState } | { ok: false; refusal: string };

const refuse = (refusal: string): TicketStep => ({ ok: false, refusal });
const to = (status: TicketStatus, assignee: string | null): TicketStep => ({ ok: true, next: { status, assignee } });

export function stepTicket(ticket: TicketState, event: TicketEvent): TicketStep {
  const closed = ticket.status === 'closed';
  switch (event.type) {
    case 'assign':
      if (closed) return refuse('This ticket is closed: it reopens when the customer replies.');
      // An answered ticket stays answered: who follows it up changes, the customer still has their answer.
      return to(ticket.status === 'answered' ? 'answered' : 'assigned', event.assignee);
    case 'answer':
      if (closed) return refuse('This ticket is closed: it reopens when the customer replies.');
      return to('answered', ticket.assignee ?? event.by);
    case 'close':
      if (closed) return refuse('This ticket is closed already.');
      return to('closed', ticket.assignee);
    case 'customer_reply':
      return to(ticket.assignee ? 'assigned' : 'open', ticket.assignee);
  }
}
