import { decideRmaActivity } from '../../activities/decide-rma.ts';
import { RETURNABLE_ORDER_STATES, deliveredAtOf, priceRmaLines, storeRequestedRma } from '../../store/returns/request-rma.ts';
import type { NewRmaInput } from '../../domain/returns/rma.ts';
import { inTransaction } from '../../store/in-transaction.ts';
import { OrderRecord } from '../../store/order.entity.ts';
import type { ApiDeps } from '../api-deps.ts';
import { notFound, UserError } from '../errors.ts';

const mostValuableReason = (lines: readonly { reason: string; valueCents: number }[]): string => [...lines].sort((a, b) => b.valueCents - a.valueCents)[0]!.reason;

/**
 * Requests a customer return of an order's goods: the rma rules decide who approves it (or refuse it) in
 * the transaction that stores it, so the RMA and the decision behind its approver are stored together or not at all.
 */
export async function requestReturn(deps: ApiDeps, orderId: string, input: NewRmaInput, by: string): Promise<string> {
  const em = deps.store.em.fork();
  const order = await em.findOne(OrderRecord, { id: orderId });
  if (!order) throw notFound(`Order ${orderId}`);
  if (!(RETURNABLE_ORDER_STATES as readonly string[]).includes(order.state))
    throw new UserError(409, 'conflict', `Order ${orderId} is ${order.state.replaceAll('_', ' ')}: goods come back by a return only once the order is delivered or completed.`);
  const priced = priceRmaLines(order, input.lines);
  const deliveredAt = await deliveredAtOf(em, orderId);
  const id = crypto.randomUUID();
  const now = new Date();
  const decide = decideRmaActivity({ ...deps, clock: () => now });
  await inTransaction(em, async (tx) => {
    const decision = await decide({ orderId, rmaId: id, returned: { valueCents: priced.valueCents, reason: mostValuableReason(priced.lines), lineCount: priced.lines.length, deliveredAt } }, tx);
    await storeRequestedRma(tx, {
      id,
      order,
      ...priced,
      approver: 'approver' in decision ? decision.approver : 'order_processor',
      decisionId: decision.decisionId,
      rejectedBecause: 'rejected' in decision ? decision.rejected : null,
      by,
      now,
    });
  });
  return id;
}
