import { ApplicationFailure } from '@temporalio/activity';
import { lineTotals, unitsOf, type OrderKind, type PaymentMode } from '../domain/order.ts';
import { appendAudit } from '../store/audit-log.ts';
import { endReservations, reserveStoredOrder, waitsForStock } from '../store/inventory/order-stock.ts';
import { createCandidateAreas } from '../store/order-candidate-area.entity.ts';
import { createOrderSkus } from '../store/order-search.ts';
import { createOperations } from '../store/order-operation.entity.ts';
import { OrderRecord } from '../store/order.entity.ts';
import type { ActivityDeps } from './activity-deps.ts';

export interface ChildOrder {
  orderId: string;
  workAreaId: string;
  dueAt: string;
  kind: OrderKind;
  paymentMode: PaymentMode;
  /** The part's warehouse could not cover its lines: it waits on an inventory hold instead of going on. */
  waitsForStock?: true;
}

/**
 * A COD amount shared among the parts by their value, in cents, the last part taking what rounding left,
 * so the parts together still collect the amount; null parts for an order without one.
 */
export function codSharesOf(codAmount: number | null, values: readonly number[]): (number | null)[] {
  if (codAmount === null) return values.map(() => null);
  const total = values.reduce((sum, v) => sum + v, 0);
  const cents = Math.round(codAmount * 100);
  const shares = values.map((v) => (total > 0 ? Math.round((cents * v) / total) : 0));
  shares[shares.length - 1] = cents - shares.slice(0, -1).reduce((sum, c) => sum + c, 0);
  return shares.map((c) => c / 100);
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
      const codAmounts = codSharesOf(parent.codAmount ?? null, parts.map((lineNumbers) => lineTotals(lineNumbers.map((n) => parent.lines[n]!)).orderValue));
      const made: string[] = [];
      for (const [i, lineNumbers] of parts.entries()) {
        const id = `${orderId}-${i + 1}`;
        if (!(await tx.findOne(OrderRecord, { id }))) {
          const lines = lineNumbers.map((n) => parent.lines[n]!);
          // Each part needs every operation, for its share of the work: the hours follow the units.
          const share = unitsOf(lines) / Math.max(1, unitsOf(parent.lines));
          const routing = parent.routing?.map((step) => ({ ...step, hours: step.hours * share })) ?? null;
          tx.create(OrderRecord, {
            id,
            reference: parent.reference ? `${parent.reference}/${i + 1}` : null,
            account: parent.account,
            kind: parent.kind,
            statedPriority: parent.statedPriority,
            dueAt: parent.dueAt,
            workAreaId: parent.workAreaId,
            candidateAreas: parent.candidateAreas ?? null,
            lines,
            units: unitsOf(lines),
            ...lineTotals(lines),
            zone: parent.zone ?? null,
            warehouse: parent.warehouse ?? null,
            pickupLat: parent.pickupLat ?? null,
            pickupLng: parent.pickupLng ?? null,
            dropoffLat: parent.dropoffLat ?? null,
            dropoffLng: parent.dropoffLng ?? null,
            requiredSkills: parent.requiredSkills ?? null,
            routing,
            paymentMode: parent.paymentMode,
            carrierType: parent.carrierType ?? null,
            codAmount: codAmounts[i]!,
            accountTier: parent.accountTier ?? null,
            checks: parent.checks ?? null,
            parentId: orderId,
            state: 'captured',
            priorityScore: null,
            idempotencyKey: null,
            requestHash: null,
          });
          if (routing) createOperations(tx, id, routing);
          createCandidateAreas(tx, id, parent.candidateAreas ?? []);
          createOrderSkus(tx, id, lines);
          made.push(id);
          appendAudit(tx, { dedupeKey: `intake:${id}`, subjectType: 'order', subjectId: id, action: 'intake', toState: 'captured', actor: 'split', data: { parentId: orderId, lines: lineNumbers } });
        }
        children.push({ orderId: id, workAreaId: parent.workAreaId, dueAt: parent.dueAt.toISOString(), kind: parent.kind, paymentMode: parent.paymentMode });
      }
      if (made.length > 0) {
        // The parts are accepted without intake, so they reserve here, what each can, from what the parent gives back.
        const now = deps.clock();
        await tx.flush();
        await endReservations(tx, orderId, 'released', now);
        for (const id of made) await reserveStoredOrder(tx, id, now);
      }
      // Read from the store, so a retry after a lost answer tells the parts what its first attempt left them.
      for (const child of children) if (await waitsForStock(tx, child.orderId)) child.waitsForStock = true;
      return children;
    });
  };
}
