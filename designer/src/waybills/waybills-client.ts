import type { Manifest, MoveResult, NewWaybillInput, Waybill, WaybillMove } from '../../../domain/waybills/waybill.ts';
import { request } from '../api/request.ts';

const path = (id: string) => `/waybills/${encodeURIComponent(id)}`;

export const listWaybills = async (signal?: AbortSignal) => (await request<{ waybills: Waybill[] }>('/waybills', { signal })).waybills;
export const createWaybill = (input: NewWaybillInput) => request<Waybill>('/waybills', { method: 'POST', body: input });
export const addOrders = (id: string, orderIds: string[]) => request<Waybill>(`${path(id)}/orders`, { method: 'POST', body: { orderIds } });
export const removeOrder = (id: string, orderId: string) => request<Waybill>(`${path(id)}/orders/${encodeURIComponent(orderId)}`, { method: 'DELETE' });
export const sealWaybill = (id: string) => request<Waybill>(`${path(id)}/seal`, { method: 'POST' });
/** The sealed waybill's manifest as PDF: a plain link, so the browser opens or saves it with the session's cookie. */
export const manifestPdfUrl = (id: string) => `${path(id)}/manifest.pdf`;
export const readManifest = (id: string, signal?: AbortSignal) => request<Manifest>(`${path(id)}/manifest`, { signal });
export const moveOrders = async (id: string, action: WaybillMove) => (await request<{ results: MoveResult[] }>(`${path(id)}/moves`, { method: 'POST', body: { action } })).results;
