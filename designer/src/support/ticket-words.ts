import type { TicketStatus } from '../../../domain/support/ticket-machine.ts';

export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = { open: 'Open', assigned: 'Assigned', answered: 'Answered', closed: 'Closed' };
export const TICKET_STATUS_COLORS: Record<TicketStatus, string> = { open: 'red', assigned: 'blue', answered: 'green', closed: 'gray' };

export const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
