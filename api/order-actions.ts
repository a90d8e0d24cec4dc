import { WorkflowNotFoundError, WorkflowUpdateFailedError, isGrpcServiceError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { OrderActionRequest } from '../domain/order.ts';
import type { Role } from '../domain/roles.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { refusalMessage } from '../workflows/machines/order-actions.ts';
import { ACTION_NOT_ALLOWED, orderActionUpdate, orderWorkflowId } from '../workflows/definitions.ts';
import type { ApiDeps } from './api-deps.ts';
import { notFound, UserError } from './errors.ts';

/** Sends a person's action to the order's workflow as an update; a refusal becomes a 409 with the reason. */
export async function performAction(deps: ApiDeps, orderId: string, request: OrderActionRequest, actor: { name: string; roles: Role[] }): Promise<void> {
  const order = await deps.store.em.fork().findOne(OrderRecord, { id: orderId });
  if (!order) throw notFound(`Order ${orderId}`);
  try {
    await deps.temporal.workflow.getHandle(orderWorkflowId(orderId)).executeUpdate(orderActionUpdate, {
      args: [{ action: request.action, actor: actor.name, actorRoles: actor.roles, ...(request.reason ? { reason: request.reason } : {}), ...(request.role ? { role: request.role } : {}), ...(request.statedPriority ? { statedPriority: request.statedPriority } : {}) }],
    });
  } catch (err) {
    const cause = err instanceof WorkflowUpdateFailedError ? err.cause : undefined;
    if (cause instanceof ApplicationFailure && cause.type === ACTION_NOT_ALLOWED) {
      throw new UserError(409, 'action_not_allowed', cause.message);
    }
    // A finished workflow takes no more updates: the order is past every action.
    if (err instanceof WorkflowNotFoundError || (isGrpcServiceError(err) && /already completed/i.test(err.message))) {
      throw new UserError(409, 'action_not_allowed', refusalMessage(request.action, order.state, order.escalation ?? null));
    }
    throw err;
  }
}
