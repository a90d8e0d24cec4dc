import type { NewOrder } from '../../domain/order.ts';
import { DocumentRecord } from '../../store/documents/document.entity.ts';
import { documentName, invoiceCredits } from '../../store/documents/invoice-credits.ts';
import { issueKeyOf } from '../../store/documents/issue-documents.ts';
import { OrderRecord } from '../../store/order.entity.ts';
import type { RmaRecord } from '../../store/returns/rma.entity.ts';
import { RmaRefusal } from '../../store/returns/rma-summary.ts';
import type { RmaStep } from '../../store/returns/transition-rma.ts';
import type { ApiDeps } from '../api-deps.ts';
import { requestDocument } from '../documents/issue-document-request.ts';
import { takeOrder } from '../order-intake.ts';

/** How long the customer waits for the goods of an exchange: two days, as a normal order from stock. */
const EXCHANGE_LEAD_MS = 48 * 3_600_000;

export type Settlement = { step: Pick<RmaStep, 'creditNote' | 'exchangeOrderId'> } | { issuing: true };

/**
 * What a settlement needs before the RMA's state moves: for a credit or a refund, its credit note, issued
 * once through the document workflow (the RMA names it; a retry finds the same note); for an exchange, the
 * replacement order taken through intake under a key of the RMA's, so a retry finds the same order.
 */
export async function prepareSettlement(deps: ApiDeps, rma: RmaRecord, action: 'refund' | 'credit' | 'exchange', actor: string): Promise<Settlement> {
  const em = deps.store.em.fork();
  const order = await em.findOneOrFail(OrderRecord, { id: rma.orderId });
  if (action === 'exchange') {
    const replacement: NewOrder = {
      reference: `Exchange ${rma.id.slice(0, 8)}`,
      account: order.account,
      kind: order.kind,
      statedPriority: 'normal',
      dueAt: new Date(Date.now() + EXCHANGE_LEAD_MS).toISOString(),
      ...(order.zone ? { zone: order.zone } : {}),
      ...(order.warehouse ? { warehouse: order.warehouse } : {}),
      // The customer paid for these goods once: the replacement goes out at no charge.
      paymentMode: 'prepaid',
      lines: rma.lines.map((l) => ({ sku: l.sku, qty: l.qty, price: 0 })),
    };
    const taken = await takeOrder(deps, replacement, { key: `rma:${rma.id}:exchange`, scope: 'rma' });
    return { step: { exchangeOrderId: taken.order.id } };
  }
  const invoice = await em.findOne(DocumentRecord, { orderId: rma.orderId, kind: 'invoice' });
  if (!invoice) throw new RmaRefusal(`Order ${rma.orderId} has no invoice, so there is nothing to credit: issue its invoice first (the order's Documents), then settle the return.`);
  const { full } = await invoiceCredits(em, invoice.id);
  if (full && !(await em.count(DocumentRecord, { issueKey: issueKeyOf(rma.id, 'credit_note') }))) {
    throw new RmaRefusal(`Invoice ${documentName(invoice)} is already credited in full (${documentName(full)}), these goods with it: a credit or refund for this return would credit them twice. Settle it as an exchange, or not at all.`);
  }
  const outcome = await requestDocument(deps, issueKeyOf(rma.id, 'credit_note'), { kind: 'credit_note', invoiceId: invoice.id, rmaId: rma.id, reason: `Customer return ${rma.id}`, issuedBy: actor });
  if (outcome.status === 'issuing') return { issuing: true };
  return { step: { creditNote: { id: outcome.document.id, number: outcome.document.number ?? outcome.document.id } } };
}

export const SETTLEMENTS = ['refund', 'credit', 'exchange'] as const;
export const isSettlement = (action: string): action is (typeof SETTLEMENTS)[number] => (SETTLEMENTS as readonly string[]).includes(action);
