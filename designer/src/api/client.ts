import type { OrderActionName, OrderActionRequest, OrderDetail, OrderSummary } from '../../../domain/order.ts';
import type { RulesetView } from '../../../domain/ruleset.ts';
import type { WorkArea } from '../../../domain/work-area.ts';

export interface ApiIssue {
  path: string;
  message: string;
}

/** A refusal or failure reported by the API; `message` is the server's, meant to be shown to the person. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: readonly ApiIssue[];

  constructor(status: number, code: string, message: string, issues: readonly ApiIssue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; issues?: ApiIssue[] };
}

async function request<T>(path: string, options: { method?: 'GET' | 'POST'; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const { method = 'GET', body, signal } = options;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      signal,
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'unreachable', 'The Sluice API cannot be reached. Check that the server is running.');
  }
  const parsed: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const failure = (parsed as ErrorBody | undefined)?.error;
    const message = failure?.message ?? `The server answered ${response.status} ${response.statusText}`.trim();
    throw new ApiError(response.status, failure?.code ?? 'http_error', message, failure?.issues);
  }
  if (parsed === undefined) {
    throw new ApiError(response.status, 'not_json', `${path} did not answer with JSON: is the API mounted on this origin?`);
  }
  return parsed as T;
}

export async function listOrders(signal?: AbortSignal): Promise<OrderSummary[]> {
  return (await request<{ orders: OrderSummary[] }>('/orders', { signal })).orders;
}

export function getOrder(id: string, signal?: AbortSignal): Promise<OrderDetail> {
  return request<OrderDetail>(`/orders/${encodeURIComponent(id)}`, { signal });
}

export function runOrderAction(id: string, action: OrderActionName, reason?: string): Promise<OrderDetail> {
  const body: OrderActionRequest = reason ? { action, reason } : { action };
  return request<OrderDetail>(`/orders/${encodeURIComponent(id)}/actions`, { method: 'POST', body });
}

export function getPriorityRuleset(signal?: AbortSignal): Promise<RulesetView> {
  return request<RulesetView>('/rulesets/priority', { signal });
}

export async function listWorkAreas(signal?: AbortSignal): Promise<WorkArea[]> {
  return (await request<{ workAreas: WorkArea[] }>('/work-areas', { signal })).workAreas;
}
