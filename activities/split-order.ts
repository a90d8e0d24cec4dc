import { ApplicationFailure } from '@temporalio/activity';
import { lineTotals, unitsOf, type OrderKind, type PaymentMode } from '../domain/order.ts';
import { appendAudit } from '../store/audit-log.ts';
import { OrderRecord } from '../store/order.entity.ts';
import type { ActivityDeps } from './activity-deps.ts';

export interface ChildOrder {
  orderId: string;
  workAreaId: string;
  dueAt: string;
  kind: OrderKind;
  paymentMode: PaymentMode;
}

/**
 * Stores the children of a split, each with its share of the lines. Child ids derive from the parent's,
 * so a retried attempt finds the children its first attempt stored instead of making more.
 */
export function splitOrderActivity(deps: ActivityDeps) {
  return async function splitOrder({ orderId, parts }: { orderId: string; parts: number[][] }): Promise<ChildOrder[]> {
    return deps.store.em.fork().transactional(async (tx) => {
      const parent = await tx.findOne(OrderRecord, { id: orderId });
      if (!parent) throw ApplicationFailure.nonRetryable(`order ${orderId} is not in the store`, 'OrderNotFound');
      const children: ChildOrder[] = [];
      for (const [i, lineNumbers] of parts.entries()) {
        const id = `${orderId}-${i + 1}`;
        if (!(await tx.findOne(OrderRecord, { id }))) {
          tx.create(OrderRecord, {
            id,
            reference: parent.reference ? `${parent.reference}/${i + 1}` : null,
            account: parent.account,
            kind: parent.kind,
            statedPriority: parent.statedPriority,
            dueAt: parent.dueAt,
            workAreaId: parent.workAreaId,
            lines: lineNumbers.map((n) => parent.lines[n]!),
            units: unitsOf(lineNumbers.map((n) => parent.lines[n]!)),
            ...lineTotals(lineNumbers.map((n) => parent.lines[n]!)),
            zone: parent.zone ?? null,
            requiredSkills: parent.requiredSkills ?? null,
            paymentMode: parent.paymentMode,
            accountTier: parent.accountTier ?? null,
            checks: parent.checks ?? null,
            parentId: orderId,
            state: 'captured',
            priorityScore: null,
            idempotencyKey: null,
            requestHash: null,
          });
          appendAudit(tx, { dedupeKey: `intake:${id}`, subjectType: 'order', subjectId: id, action: 'intake', toState: 'captured', actor: 'split', data: { parentId: orderId, lines: lineNumbers } });
        }
        children.push({ orderId: id, workAreaId: parent.workAreaId, dueAt: parent.dueAt.toISOString(), kind: parent.kind, paymentMode: parent.paymentMode });
      }
      return children;
    });
  };
}
