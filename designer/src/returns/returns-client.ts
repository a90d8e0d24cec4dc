import type { NewRmaInput, ProcessAction, RmaDetail, RmaState, RmaSummary } from '../../../domain/returns/rma.ts';
import { request } from '../api/request.ts';

const path = (id: string) => `/returns/${encodeURIComponent(id)}`;

export const listReturns = async (state: RmaState | null, signal?: AbortSignal) => (await request<{ returns: RmaSummary[] }>(`/returns${state ? `?state=${state}` : ''}`, { signal })).returns;
export const listOrderReturns = async (orderId: string, signal?: AbortSignal) => (await request<{ returns: RmaSummary[] }>(`/returns?orderId=${encodeURIComponent(orderId)}`, { signal })).returns;
export const readReturn = (id: string, signal?: AbortSignal) => request<RmaDetail>(path(id), { signal });
export const requestReturn = (orderId: string, input: NewRmaInput) => request<RmaDetail>(`/orders/${encodeURIComponent(orderId)}/returns`, { method: 'POST', body: input });

/** The return as it is now, or a message when its credit note is still being issued (answered 202: send the step again). */
export const decideReturn = (id: string, decision: 'approve' | 'reject', reason?: string) =>
  request<RmaDetail | { message: string }>(`${path(id)}/approval`, { method: 'POST', body: { decision, ...(reason ? { reason } : {}) } });
export const stepReturn = (id: string, action: ProcessAction, note?: string) => request<RmaDetail | { message: string }>(`${path(id)}/actions`, { method: 'POST', body: { action, ...(note ? { note } : {}) } });
