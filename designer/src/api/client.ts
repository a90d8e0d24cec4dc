import type { OrderActionRequest, OrderDetail, OrderSummary } from '../../../domain/order.ts';
import type { PublishRulesetRequest, RulesetVersionSummary, RulesetView } from '../../../domain/ruleset.ts';
import type { WorkArea } from '../../../domain/work-area.ts';
import { request } from './request.ts';


export async function listOrders(signal?: AbortSignal): Promise<OrderSummary[]> {
  return (await request<{ orders: OrderSummary[] }>('/orders', { signal })).orders;
}

export function getOrder(id: string, signal?: AbortSignal): Promise<OrderDetail> {
  return request<OrderDetail>(`/orders/${encodeURIComponent(id)}`, { signal });
}

export function runOrderAction(id: string, body: OrderActionRequest): Promise<OrderDetail> {
  return request<OrderDetail>(`/orders/${encodeURIComponent(id)}/actions`, { method: 'POST', body });
}

export function getPriorityRuleset(signal?: AbortSignal): Promise<RulesetView> {
  return request<RulesetView>('/rulesets/priority', { signal });
}

export async function listPriorityVersions(signal?: AbortSignal): Promise<RulesetVersionSummary[]> {
  return (await request<{ versions: RulesetVersionSummary[] }>('/rulesets/priority/versions', { signal })).versions;
}

export function publishPriorityRuleset(body: PublishRulesetRequest): Promise<RulesetView> {
  return request<RulesetView>('/rulesets/priority/versions', { method: 'POST', body });
}

export async function listWorkAreas(signal?: AbortSignal): Promise<WorkArea[]> {
  return (await request<{ workAreas: WorkArea[] }>('/work-areas', { signal })).workAreas;
}
