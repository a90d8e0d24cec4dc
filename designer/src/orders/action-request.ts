import { ORDER_ACTIONS, orderActionRequest, type OrderActionName, type OrderActionRequest } from '../../../domain/order.ts';
import type { ApiIssue } from '../api/api-error.ts';
import { sentence } from '../format/labels.ts';
import type { ActionFields } from './action-fields.ts';
import { partsOf } from './split-parts.ts';

type RequestField = Exclude<keyof OrderActionRequest, 'action'>;
export type FieldErrors = Partial<Record<RequestField, string>>;

const DETAILS: Partial<Record<OrderActionName, (fields: ActionFields) => Partial<OrderActionRequest>>> = {
  hold: (f) => ({ holdType: f.holdType ?? undefined }),
  release_hold: (f) => ({ holdType: f.releaseHoldType ?? undefined }),
  resolve: (f) => ({ resolveTo: f.resolveTo ?? undefined }),
  reassign: (f) => ({ resource: f.resource.trim() || undefined, ...(f.override ? { override: true } : {}) }),
  return: (f) => ({ returnReason: f.returnReason ?? undefined }),
  split: (f) => ({ parts: partsOf(f.lineParts) }),
  deliver: (f) => ({ amount: f.amount ?? undefined }),
  confirm_remit: (f) => ({ amount: f.amount ?? undefined }),
  escalate: (f) => ({ role: f.escalateTo }),
  change_priority: (f) => ({ statedPriority: f.statedPriority }),
};

function errorsOf(issues: readonly { path: PropertyKey[] | string; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = String(typeof issue.path === 'string' ? issue.path.split('.')[0] : issue.path[0]) as RequestField;
    errors[field] ??= sentence(issue.message);
  }
  return errors;
}

/** The server's field issues (a 400) next to the inputs they are about. */
export const serverFieldErrors = (issues: readonly ApiIssue[]): FieldErrors => errorsOf(issues);

export type BuiltRequest = { ok: true; request: OrderActionRequest } | { ok: false; errors: FieldErrors };

/** The request for `action` from what was entered, checked against the API's own schema before it is sent. */
export function buildActionRequest(action: OrderActionName, fields: ActionFields): BuiltRequest {
  const entries = Object.entries({ action, reason: fields.reason.trim() || undefined, ...DETAILS[action]?.(fields) });
  const request = Object.fromEntries(entries.filter(([, value]) => value !== undefined));
  const parsed = orderActionRequest.safeParse(request);
  const errors = parsed.success ? {} : errorsOf(parsed.error.issues);
  // The API takes a remit without an amount (integrations confirm what they booked); a person confirming one says how much.
  if (action === 'confirm_remit' && fields.amount === null) errors.amount = 'Give the amount remitted';
  return parsed.success && Object.keys(errors).length === 0 ? { ok: true, request: parsed.data } : { ok: false, errors };
}

/** The schema is the one place that says which actions need a reason: ask it about a request with nothing but the action. */
const REASON_REQUIRED: ReadonlySet<OrderActionName> = new Set(
  ORDER_ACTIONS.filter((action) => orderActionRequest.safeParse({ action }).error?.issues.some((issue) => issue.path[0] === 'reason')),
);

export const requiresReason = (action: OrderActionName) => REASON_REQUIRED.has(action);
