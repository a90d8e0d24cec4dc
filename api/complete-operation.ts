import { WorkflowNotFoundError, WorkflowUpdateFailedError, isGrpcServiceError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { OPERATION_NOT_FOUND, OPERATION_NOT_NEXT } from '../activities/complete-operation.ts';
import type { Role } from '../domain/roles.ts';
import { readOperationProgress } from '../store/operation-progress.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { ACTION_NOT_ALLOWED, completeOperationUpdate, orderWorkflowId } from '../workflows/definitions.ts';
import type { ApiDeps } from './api-deps.ts';
import { notFound, UserError } from './errors.ts';
import { sendUpdate } from './resent-update.ts';
import { withTemporal } from './temporal-gate.ts';

/** The business failure under an update's failure: the update's own, or its activity's. */
function failureOf(err: unknown): ApplicationFailure | null {
  for (let cause: unknown = err instanceof WorkflowUpdateFailedError ? err.cause : undefined; cause instanceof Error; cause = cause.cause) {
    if (cause instanceof ApplicationFailure) return cause;
  }
  return null;
}

/**
 * An operation-completed event from the floor: the step at `position` of the order's routing is done.
 * Idempotent: a step already done answers as it is. Steps are done in routing order, while the order is
 * in progress; anything else is a 409 that says why, and the last step done completes the order.
 */
export async function completeOperation(deps: ApiDeps, orderId: string, position: number, actor: { name: string; roles: Role[] }): Promise<void> {
  const em = deps.store.em.fork();
  const order = await em.findOne(OrderRecord, { id: orderId }, { fields: ['id', 'state'] });
  if (!order) throw notFound(`Order ${orderId}`);
  const operations = await readOperationProgress(em, orderId);
  const step = operations.find((o) => o.position === position);
  if (!step) throw notFound(operations.length === 0 ? `A routing of order ${orderId}` : `Operation ${position} of order ${orderId} (its routing has ${operations.length})`);
  if (step.state === 'done') return;
  if (order.state !== 'in_progress') throw new UserError(409, 'action_not_allowed', `Operations are completed while the order is in progress; it is ${order.state.replace('_', ' ')}.`);
  const next = operations.find((o) => o.state !== 'done')!;
  if (next.position !== position) throw new UserError(409, 'operation_not_next', `Operation ${next.position} (at ${next.workAreaId}) is the next one to complete: the steps of a routing are done in order.`);
  try {
    const handle = deps.temporal.workflow.getHandle(orderWorkflowId(orderId));
    const command = { position, actor: actor.name, actorRoles: actor.roles };
    await withTemporal(deps.temporal, 'Completing the operation', () => sendUpdate((updateId) => handle.executeUpdate(completeOperationUpdate, { args: [command], updateId })));
  } catch (err) {
    const failure = failureOf(err);
    if (failure?.type === ACTION_NOT_ALLOWED) throw new UserError(409, 'action_not_allowed', failure.message);
    if (failure?.type === OPERATION_NOT_NEXT) throw new UserError(409, 'operation_not_next', failure.message);
    if (failure?.type === OPERATION_NOT_FOUND) throw new UserError(404, 'not_found', failure.message);
    if (err instanceof WorkflowNotFoundError || (isGrpcServiceError(err) && /already completed/i.test(err.message))) {
      throw new UserError(409, 'action_not_allowed', 'The order is finished: its operations are done.');
    }
    throw err;
  }
}
