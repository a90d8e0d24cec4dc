import type { InFlightPolicy } from '../../../domain/in-flight-policy.ts';
import type { ChangeRequestList, ChangeRequestView } from '../../../domain/ruleset-change-request.ts';
import type { DecisionPointId } from '../../../domain/decision-points.ts';
import type { NewOrder, OrderActionRequest, OrderDetail, OrderKind, OrderListItem, OrderSummary } from '../../../domain/order.ts';
import type { RulesetDefinition, RulesetVersionSummary, RulesetView } from '../../../domain/ruleset.ts';
import type { WorkArea } from '../../../domain/work-area.ts';
import { ApiError } from './api-error.ts';
import { request } from './request.ts';

/** A page of the orders table: the query of a view (search, desk, filters, sort), a page's cursor and size. */
export interface OrderPage {
  orders: OrderListItem[];
  total: number;
  /** False when `total` only says at least that many match. */
  totalExact: boolean;
  next: string | null;
  prev: string | null;
}

export function listOrders(query: URLSearchParams, signal?: AbortSignal): Promise<OrderPage> {
  return request<OrderPage>(`/orders?${query}`, { signal });
}

/** The ready-made queues (one per order kind) as GET /orders filters. */
export function listOrderViews(signal?: AbortSignal): Promise<{ views: { id: string; name: string; filters: { kind: OrderKind[] } }[] }> {
  return request('/orders/views', { signal });
}

/** Newest first, those whose reference or account begins with `q` (or whose id, SKU or zone is `q`); the newest when `q` is empty. */
export async function searchOrders(q: string, limit: number, signal?: AbortSignal): Promise<OrderListItem[]> {
  const query = new URLSearchParams({ limit: String(limit), ...(q.trim() ? { q: q.trim() } : {}) });
  return (await request<{ orders: OrderListItem[] }>(`/orders?${query}`, { signal })).orders;
}

export function getOrder(id: string, signal?: AbortSignal): Promise<OrderDetail> {
  return request<OrderDetail>(`/orders/${encodeURIComponent(id)}`, { signal });
}

/** Takes an order; the same `idempotencyKey` again (a double click, a retry after a timeout) answers with the order the first created. */
export function createOrder(body: NewOrder, idempotencyKey: string): Promise<OrderSummary> {
  return request<OrderSummary>('/orders', { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } });
}

export function runOrderAction(id: string, body: OrderActionRequest): Promise<OrderDetail> {
  return request<OrderDetail>(`/orders/${encodeURIComponent(id)}/actions`, { method: 'POST', body });
}

/** Reports the routing step at `position` done (idempotent): the order after it. */
export function completeOperation(id: string, position: number): Promise<OrderDetail> {
  return request<OrderDetail>(`/orders/${encodeURIComponent(id)}/operations/${position}/complete`, { method: 'POST' });
}

export const rulesetPath = (dp: DecisionPointId, rest = '') => `/rulesets/${encodeURIComponent(dp)}${rest}`;

/** The version in force; null when none has been published yet. */
export async function getRuleset(dp: DecisionPointId, signal?: AbortSignal): Promise<RulesetView | null> {
  return orNullIfMissing(request<RulesetView>(rulesetPath(dp), { signal }));
}

/** The draft being edited; null when there is none. */
export async function getRulesetDraft(dp: DecisionPointId, signal?: AbortSignal): Promise<RulesetView | null> {
  return orNullIfMissing(request<RulesetView>(rulesetPath(dp, '/draft'), { signal }));
}

async function orNullIfMissing<T>(pending: Promise<T>): Promise<T | null> {
  try {
    return await pending;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export async function listRulesetVersions(dp: DecisionPointId, signal?: AbortSignal): Promise<RulesetVersionSummary[]> {
  return (await request<{ versions: RulesetVersionSummary[] }>(rulesetPath(dp, '/versions'), { signal })).versions;
}

export function getRulesetVersion(dp: DecisionPointId, version: number, signal?: AbortSignal): Promise<RulesetView> {
  return request<RulesetView>(rulesetPath(dp, `/versions/${version}`), { signal });
}

/** Publishes an old version's rules anew, as the next version. */
export function rollBackRuleset(dp: DecisionPointId, version: number, note: string): Promise<RulesetView> {
  return request<RulesetView>(rulesetPath(dp, '/rollback'), { method: 'POST', body: { version, note } });
}

export function saveRulesetDraft(dp: DecisionPointId, definition: RulesetDefinition): Promise<{ draft: RulesetView }> {
  return request<{ draft: RulesetView }>(rulesetPath(dp, '/draft'), { method: 'PUT', body: { definition } });
}

export function discardRulesetDraft(dp: DecisionPointId): Promise<void> {
  return request<void>(rulesetPath(dp, '/draft'), { method: 'DELETE' });
}

/** Published, or, under four-eyes approval, a change request for another ops manager. */
export function publishRulesetDraft(dp: DecisionPointId, body: { note: string; effectiveFrom?: string; override?: { reason: string }; inFlight?: InFlightPolicy }): Promise<RulesetView | { changeRequest: ChangeRequestView }> {
  return request<RulesetView | { changeRequest: ChangeRequestView }>(rulesetPath(dp, '/draft/publish'), { method: 'POST', body });
}

/** The `useResource` key of `listWorkAreas`: the views that read the areas share one read and its reloads. */
export const WORK_AREAS_KEY = 'work-areas';

export async function listWorkAreas(signal?: AbortSignal): Promise<WorkArea[]> {
  return (await request<{ workAreas: WorkArea[] }>('/work-areas', { signal })).workAreas;
}

export async function listChangeRequests(dp: DecisionPointId, signal?: AbortSignal): Promise<ChangeRequestList> {
  return request<ChangeRequestList>(rulesetPath(dp, '/change-requests'), { signal });
}

export function approveChangeRequest(dp: DecisionPointId, id: string): Promise<RulesetView> {
  return request<RulesetView>(rulesetPath(dp, `/change-requests/${encodeURIComponent(id)}/approve`), { method: 'POST', body: {} });
}

/** Four-eyes approval on or off for a decision point (admins); audited by the API. */
export async function setRulesetApproval(dp: DecisionPointId, required: boolean): Promise<boolean> {
  return (await request<{ approvalRequired: boolean }>(rulesetPath(dp, '/approval'), { method: 'PUT', body: { required } })).approvalRequired;
}

export function rejectChangeRequest(dp: DecisionPointId, id: string, reason: string): Promise<ChangeRequestView> {
  return request<ChangeRequestView>(rulesetPath(dp, `/change-requests/${encodeURIComponent(id)}/reject`), { method: 'POST', body: { reason } });
}
