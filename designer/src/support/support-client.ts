import type { SupportQueue, SupportTicketDetail } from '../../../domain/support/support-ticket.ts';
import { request } from '../api/request.ts';

export interface QueueFilters {
  status: string;
  assignee: string | null;
  topic: string | null;
}

export function listSupportQueue(filters: QueueFilters, signal?: AbortSignal): Promise<SupportQueue> {
  const query = new URLSearchParams({ status: filters.status });
  if (filters.assignee) query.set('assignee', filters.assignee);
  if (filters.topic) query.set('topic', filters.topic);
  return request<SupportQueue>(`/support/tickets?${query}`, { signal });
}

const ticketPath = (id: string) => `/support/tickets/${encodeURIComponent(id)}`;

export const readSupportTicket = (id: string, signal?: AbortSignal) => request<SupportTicketDetail>(ticketPath(id), { signal });

export type DeskAction = { action: 'assign'; assignee: string } | { action: 'answer'; text: string } | { action: 'close' };

export function changeSupportTicket(id: string, version: number, change: DeskAction): Promise<SupportTicketDetail> {
  const { action, ...rest } = change;
  return request<SupportTicketDetail>(`${ticketPath(id)}/${action}`, { method: 'POST', body: { version, ...rest } });
}
