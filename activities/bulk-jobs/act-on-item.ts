import { performAction } from '../../api/order-actions.ts';
import { UserError } from '../../api/errors.ts';
import type { BulkOutcome } from '../../domain/bulk-job.ts';
import type { OrderActionRequest } from '../../domain/order.ts';
import type { Role } from '../../domain/roles.ts';
import { entriesByJob } from '../../store/bulk-jobs/bulk-jobs.ts';
import { OrderRecord } from '../../store/order.entity.ts';
import { toOrderSummary } from '../../store/order-read-model.ts';
import { judgeAction } from '../../workflows/machines/action-judgement.ts';
import type { ActivityDeps } from '../activity-deps.ts';

export interface BulkItemJob {
  id: string;
  request: OrderActionRequest;
  actor: { name: string; roles: Role[] };
}

export type ItemResult = { outcome: Exclude<BulkOutcome, 'pending' | 'not_run'>; reason: string | null };

/** The update id of a job's action on an order: a second send (a retried activity, another worker) joins the first. */
export const bulkUpdateId = (jobId: string, orderId: string) => `bulk:${jobId}:${orderId}`;

/**
 * Acts on one order of a job through the path of POST /orders/:id/actions, at most once: an audit entry of
 * the job on the order says it went through already (the activity died before recording it), and the update
 * id makes the server run a send that is still in flight once. A refusal is the item's result; a Temporal
 * that cannot be reached is thrown, so the activity is retried.
 */
export async function actOnItem(deps: ActivityDeps, job: BulkItemJob, orderId: string): Promise<ItemResult> {
  if ((await entriesByJob(deps.store.em, orderId, job.id)) > 0) return { outcome: 'done', reason: null };
  const order = await deps.store.em.fork().findOne(OrderRecord, { id: orderId });
  const judgement = judgeAction(order ? toOrderSummary(order) : null, job.request, job.actor);
  if (!judgement.ok) return { outcome: 'refused', reason: judgement.reason };
  try {
    await performAction(deps, orderId, job.request, job.actor, { updateId: bulkUpdateId(job.id, orderId), bulkJobId: job.id });
    return { outcome: 'done', reason: null };
  } catch (err) {
    if (err instanceof UserError && err.status < 500) return { outcome: 'refused', reason: err.message };
    if (err instanceof UserError) throw err;
    return { outcome: 'failed', reason: err instanceof Error ? err.message : String(err) };
  }
}
