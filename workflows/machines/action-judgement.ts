import { mayPerform, roleRefusal } from '../../domain/action-roles.ts';
import type { RefusalKind } from '../../domain/bulk-job.ts';
import type { OrderActionRequest, OrderSummary } from '../../domain/order.ts';
import type { Role } from '../../domain/roles.ts';
import { actionEvent, lifecycleViewOf, refusalMessage, snapshotOf, type ActionDetails } from './order-actions.ts';

export type Judgement = { ok: true } | { ok: false; kind: RefusalKind; reason: string };

export interface Actor {
  name: string;
  roles: readonly Role[];
}

/** The details the order's workflow receives for this request and person, as the API sends them. */
export function detailsOf(request: OrderActionRequest, actor: Actor): ActionDetails {
  const { action: _action, override: _override, ...rest } = request;
  const details = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Omit<ActionDetails, 'actor'>;
  return { ...details, actor: actor.name, actorRoles: [...actor.roles] };
}

/**
 * Whether a person's action would go through on an order as the read model has it, and why not: the same
 * role check the API makes and the same machine the order's workflow asks, so a dry run says what the
 * live action will do (unless the order moves in between, which the live action then reports). Whether it goes
 * through is judged per order; `reasons` only shares the words of a refusal between orders the machine cannot tell apart.
 */
export function judgeAction(order: OrderSummary | null, request: OrderActionRequest, actor: Actor, reasons?: Map<string, string>): Judgement {
  if (order === null) return { ok: false, kind: 'not_found', reason: 'The order does not exist.' };
  const scope = { action: request.action, holdType: request.holdType, escalationRole: order.escalation?.role ?? null, state: order.state };
  if (!mayPerform(actor.roles, scope)) return { ok: false, kind: 'role', reason: roleRefusal(scope) };
  const view = lifecycleViewOf(order);
  const details = detailsOf(request, actor);
  if (snapshotOf(view).can(actionEvent(request.action, details))) return { ok: true };
  // The wording asks the machine about every action; orders alike in what it reads share it (`reasons`, one per dry run).
  const { orderId: _id, workAreaId: _area, priorityScore: _score, ...alike } = view.context;
  const key = JSON.stringify([view.state, alike, details]);
  let reason = reasons?.get(key);
  if (reason === undefined) {
    reason = refusalMessage(request.action, view, details);
    reasons?.set(key, reason);
  }
  return { ok: false, kind: 'lifecycle', reason };
}
