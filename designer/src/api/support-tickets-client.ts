import type { SupportTicketView } from '../../../domain/tracking.ts';
import { request } from './request.ts';

export async function listOrderSupportTickets(orderId: string, signal?: AbortSignal): Promise<SupportTicketView[]> {
  return (await request<{ tickets: SupportTicketView[] }>(`/orders/${encodeURIComponent(orderId)}/support-tickets`, { signal })).tickets;
}
