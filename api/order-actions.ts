import { WorkflowNotFoundError, WorkflowUpdateFailedError, isGrpcServiceError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { mayPerform, roleRefusal, type ActionScope } from '../domain/action-roles.ts';
import type { HoldType, OrderActionRequest } from '../domain/order.ts';
import type { Role } from '../domain/roles.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { refuseOnSignedOffDay } from './reconciliation/signed-off-day.ts';
import { reserveForcedRelease } from './inventory/reserve-forced-release.ts';
import { toOrderSummary } from '../store/order-read-model.ts';
import { lifecycleViewOf, refusalMessage } from '../workflows/machines/order-actions.ts';
import { placedBySystem } from '../workflows/machines/order-core.ts';
import { ACTION_NOT_ALLOWED, holdCauseClearedSignal, orderActionUpdate, orderWorkflowId, type OrderActionCommand } from '../workflows/definitions.ts';
import type { ApiDeps } from './api-deps.ts';
import { actorOf, type Principal } from './auth/principal.ts';
import { notFound, UserError } from './errors.ts';
import { reassignTarget } from './reassign-target.ts';
import { withTemporal } from './temporal-gate.ts';
import { sendUpdate } from './resent-update.ts';

async function findOrder(deps: Pick<ApiDeps, 'store'>, orderId: string): Promise<OrderRecord> {
  const order = await deps.store.em.fork().findOne(OrderRecord, { id: orderId });
  if (!order) throw notFound(`Order ${orderId}`);
  return order;
}

/** Every line in exactly one part: a split must neither lose nor duplicate a line. */
function checkSplit(parts: number[][], lineCount: number): void {
  const seen = parts.flat().sort((a, b) => a - b);
  const expected = Array.from({ length: lineCount }, (_, i) => i);
  if (seen.length !== expected.length || seen.some((n, i) => n !== expected[i])) {
    throw new UserError(400, 'invalid_request', `Each of the order's ${lineCount} lines (numbered 0 to ${lineCount - 1}) must be in exactly one part.`, [
      { path: 'parts', message: 'every line in exactly one part' },
    ]);
  }
}

/** The actions that record cash on delivery: collected (with the delivery) and remitted. */
const CASH_ACTIONS = new Set<OrderActionRequest['action']>(['deliver', 'confirm_remit']);

/**
 * A bulk job's item: the update's id (the job's and the order's) and the job the audit entry names; or a
 * driver's stop report, whose update id makes a resent report join the first rather than act twice.
 */
export interface BulkItemOptions {
  updateId: string;
  bulkJobId?: string;
}

/**
 * Sends a person's action to the order's workflow as an update. A role that may not take the action gets
 * a 403 naming the role it needs; a refusal by the lifecycle becomes a 409 with the reason.
 */
export async function performAction(deps: Pick<ApiDeps, 'store' | 'temporal'>, orderId: string, request: OrderActionRequest, actor: { name: string; roles: Role[] }, bulk?: BulkItemOptions): Promise<void> {
  const order = await findOrder(deps, orderId);
  const scope: ActionScope = { action: request.action, holdType: request.holdType, escalationRole: order.escalation?.role ?? null, state: order.state };
  if (!mayPerform(actor.roles, scope)) throw new UserError(403, 'forbidden', roleRefusal(scope));
  if (request.action === 'split' && request.parts) checkSplit(request.parts, order.lines.length);
  if (CASH_ACTIONS.has(request.action)) await refuseOnSignedOffDay(deps.store.em.fork(), orderId);
  await reserveForcedRelease(deps.store, order, request, actor);
  const overridden = request.action === 'reassign' && request.resource ? await reassignTarget(deps.store.em.fork(), order, request.resource, request.override === true, new Date()) : {};

  const { action, override: _override, ...details } = request;
  const command: OrderActionCommand = {
    action,
    actor: actor.name,
    actorRoles: actor.roles,
    ...Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined)),
    ...overridden,
    ...(bulk?.bulkJobId ? { bulkJobId: bulk.bulkJobId } : {}),
  };
  try {
    const handle = deps.temporal.workflow.getHandle(orderWorkflowId(orderId));
    await withTemporal(deps.temporal, `The ${request.action} action`, () => sendUpdate((updateId) => handle.executeUpdate(orderActionUpdate, { args: [command], updateId }), bulk?.updateId));
  } catch (err) {
    const cause = err instanceof WorkflowUpdateFailedError ? err.cause : undefined;
    if (cause instanceof ApplicationFailure && cause.type === ACTION_NOT_ALLOWED) {
      throw new UserError(409, 'action_not_allowed', cause.message);
    }
    // A finished workflow takes no more updates: the order is past every action.
    if (err instanceof WorkflowNotFoundError || (isGrpcServiceError(err) && /already completed/i.test(err.message))) {
      throw new UserError(409, 'action_not_allowed', refusalMessage(request.action, lifecycleViewOf(toOrderSummary(order)), command));
    }
    throw err;
  }
}

/**
 * The capturing system reports a hold's cause gone; the order's workflow releases that hold. Only an
 * integration reports it, and only for a hold the system placed: a person's hold is a person's to release.
 */
export async function reportHoldCauseCleared(deps: ApiDeps, orderId: string, holdType: HoldType, principal: Principal): Promise<void> {
  if (principal.kind !== 'token') {
    throw new UserError(403, 'forbidden', `Only an integration (an API token) reports that a hold's cause is gone; a person releases a hold with the release_hold action.`);
  }
  const order = await findOrder(deps, orderId);
  const hold = (order.holds ?? []).find((h) => h.type === holdType);
  if (!hold) throw new UserError(409, 'action_not_allowed', `The order has no ${holdType} hold.`);
  if (!placedBySystem(hold)) {
    throw new UserError(409, 'action_not_allowed', `The ${holdType} hold was placed by ${hold.placedBy}, not by the intake rules or the stock check at release: a person releases it (release_hold).`);
  }
  const source = actorOf(principal);
  try {
    await withTemporal(deps.temporal, `Releasing the ${holdType} hold`, () => deps.temporal.workflow.getHandle(orderWorkflowId(orderId)).signal(holdCauseClearedSignal, { holdType, source }));
  } catch (err) {
    if (!(err instanceof WorkflowNotFoundError)) throw err;
    throw new UserError(409, 'action_not_allowed', 'The order is finished: it has no holds to release.');
  }
}
