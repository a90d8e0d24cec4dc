import { ApplicationFailure } from '@temporalio/activity';
import { nextLastMileStatus } from '../domain/last-mile.ts';
import { holdsSlot, inPool } from '../domain/lifecycle.ts';
import type { Escalation, Hold, OrderState } from '../domain/order.ts';
import { appendAudit, isRecorded } from '../store/audit-log.ts';
import { inTransaction } from '../store/in-transaction.ts';
import { OrderRecord } from '../store/order.entity.ts';
import type { ActivityDeps } from './activity-deps.ts';

export interface TransitionRecord {
  key: string;
  orderId: string;
  from: OrderState | null;
  to: OrderState;
  event: string;
  actor: string;
  reason: string | null;
  priorityScore: number | null;
  escalation: Escalation | null;
  holds: Hold[];
  assignee: string | null;
  data: Record<string, unknown> | null;
  /** When the order entered its area's pool, if this transition put it there; the pool's arrival order and a release's check. */
  poolEnteredAt?: string | null;
}

/** Projects a transition to the read model and the audit log in one transaction, once per key. */
export function recordTransitionActivity(deps: ActivityDeps) {
  return async function recordTransition(t: TransitionRecord): Promise<void> {
    await inTransaction(deps.store.em, async (tx) => {
      if (await isRecorded(tx, t.key)) return;
      const order = await tx.findOne(OrderRecord, { id: t.orderId });
      if (!order) throw ApplicationFailure.nonRetryable(`order ${t.orderId} is not in the store`, 'OrderNotFound');
      order.state = t.to;
      order.lastMileStatus = nextLastMileStatus(order.kind, order.lastMileStatus ?? null, t.to);
      order.priorityScore = t.priorityScore;
      order.escalation = t.escalation;
      order.holds = t.holds;
      order.assignee = t.assignee;
      order.holdsSlot = holdsSlot(t.to, t.escalation);
      const entersPool = inPool(t.to, t.escalation) && !order.inPool;
      order.inPool = inPool(t.to, t.escalation);
      if (entersPool) order.queuedAt = t.poolEnteredAt ? new Date(t.poolEnteredAt) : deps.clock();
      // Released, the grant is used; gone elsewhere (held, cancelled), it is void and its slot free.
      if (!order.inPool) order.releaseCycleId = null;
      if (t.to === 'released' && t.from !== 'released') order.releasedAt = deps.clock();
      appendAudit(tx, {
        dedupeKey: t.key,
        subjectType: 'order',
        subjectId: t.orderId,
        action: t.event,
        fromState: t.from,
        toState: t.to,
        actor: t.actor,
        reason: t.reason,
        data: t.data,
        at: deps.clock(),
      });
    });
  };
}
