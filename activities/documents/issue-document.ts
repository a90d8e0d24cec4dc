import { ApplicationFailure, Context } from '@temporalio/activity';
import type { EntityManager } from '@mikro-orm/sql';
import { notIssuableReason } from '../../domain/bulk-print.ts';
import type { OrderDocumentKind } from '../../domain/document.ts';
import { DocumentRecord } from '../../store/documents/document.entity.ts';
import { DocumentTooLarge, issueDocument, issueKeyOf } from '../../store/documents/issue-documents.ts';
import { trackingTokenOf, trackingUrl } from '../../store/documents/order-tracking.ts';
import { OrderRecord } from '../../store/order.entity.ts';
import { lockedDayMessage, lockedDayOfOrder } from '../../store/reconciliation/day-lock.ts';
import { RmaRecord } from '../../store/returns/rma.entity.ts';
import type { DocumentSummary } from '../../domain/document.ts';
import type { ActivityDeps } from '../activity-deps.ts';
import type { DocumentContent } from './document-content.ts';
import { renderDocument, TEMPLATE_VERSION } from './render-document.ts';

export type IssueDocumentInput =
  | { kind: OrderDocumentKind; orderId: string; issuedBy: string }
  | { kind: 'credit_note'; invoiceId: string; reason: string; issuedBy: string }
  /** A customer return's credit note: the returned lines at the order's prices, against the order's invoice. */
  | { kind: 'credit_note'; invoiceId: string; rmaId: string; reason: string; issuedBy: string };

const orderContent = (order: OrderRecord): DocumentContent['order'] => ({
  id: order.id,
  reference: order.reference ?? null,
  account: order.account,
  kind: order.kind,
  dueAt: order.dueAt,
  zone: order.zone ?? null,
  warehouse: order.warehouse ?? null,
  paymentMode: order.paymentMode,
  lines: order.lines,
});

export const HEARTBEAT_MS = 2_000;

const total = (lines: readonly { qty: number; price: number }[]) => lines.reduce((sum, l) => sum + l.qty * l.price, 0);

/**
 * Renders and stores one document, once: an attempt that runs again (its worker died, the store failed)
 * finds the document the first stored, or stores it now; never a second one, and never a second number.
 * What cannot succeed on a retry (no such order or invoice, an order that gets no new papers, a PDF too
 * large to keep) fails for good. The one path every document takes, one at a time or in a print job.
 */
export async function issueOrderDocument(deps: ActivityDeps, publicUrl: string, input: IssueDocumentInput): Promise<DocumentSummary> {
  const em = deps.store.em.fork();
  const issuedAt = deps.clock();
  try {
    if (input.kind === 'credit_note') {
      const invoice = await em.findOne(DocumentRecord, { id: input.invoiceId, kind: 'invoice' });
      if (!invoice) throw ApplicationFailure.nonRetryable(`No invoice ${input.invoiceId}`, 'InvoiceNotFound');
      const order = await em.findOneOrFail(OrderRecord, { id: invoice.orderId });
      // A return's credit note credits its lines at the order's prices; finance's credits the whole invoice.
      const rma = 'rmaId' in input ? await em.findOne(RmaRecord, { id: input.rmaId, orderId: invoice.orderId }) : null;
      if ('rmaId' in input && !rma) throw ApplicationFailure.nonRetryable(`No return ${input.rmaId} of order ${invoice.orderId}`, 'RmaNotFound');
      const issueKey = issueKeyOf(rma?.id ?? invoice.id, 'credit_note');
      if (!(await isStored(em, issueKey))) await refuseOnLockedDay(em, order.id, issuedAt);
      const lines = rma ? rma.lines.map((l) => ({ sku: l.sku, qty: l.qty, price: l.unitPriceCents / 100 })) : invoice.lines;
      return await issueDocument(em, {
        issueKey,
        orderId: invoice.orderId,
        accountCode: order.account,
        kind: 'credit_note',
        correctsId: invoice.id,
        reason: input.reason,
        lines,
        total: rma ? -rma.valueCents / 100 : -invoice.total,
        issuedBy: input.issuedBy,
        issuedAt,
        templateVersion: TEMPLATE_VERSION,
        render: (number) =>
          renderDocument({ kind: 'credit_note', number, issuedAt, order: { ...orderContent(order), lines }, corrects: { number: invoice.number ?? invoice.id, issuedAt: invoice.issuedAt, reason: input.reason } }),
      });
    }
    const order = await em.findOne(OrderRecord, { id: input.orderId });
    if (!order) throw ApplicationFailure.nonRetryable(`No order ${input.orderId}`, 'OrderNotFound');
    const issueKey = issueKeyOf(order.id, input.kind);
    // What may refuse a new document never refuses the one already stored: asked once, only when it matters.
    const refusal = notIssuableReason(order.state, input.kind);
    if ((refusal || input.kind === 'invoice') && !(await isStored(em, issueKey))) {
      if (refusal) throw ApplicationFailure.nonRetryable(refusal, 'NotIssuable');
      await refuseOnLockedDay(em, order.id, issuedAt);
    }
    const link = input.kind === 'shipping_label' ? trackingUrl(publicUrl, await trackingTokenOf(em, order.id)) : undefined;
    return await issueDocument(em, {
      issueKey,
      orderId: order.id,
      accountCode: order.account,
      kind: input.kind,
      lines: order.lines,
      total: total(order.lines),
      issuedBy: input.issuedBy,
      issuedAt,
      templateVersion: TEMPLATE_VERSION,
      render: (number) => renderDocument({ kind: input.kind, number, issuedAt, order: orderContent(order), ...(link ? { trackingUrl: link } : {}) }),
    });
  } catch (err) {
    if (err instanceof DocumentTooLarge) throw ApplicationFailure.nonRetryable(err.message, 'DocumentTooLarge');
    throw err;
  }
}

/**
 * An invoice or credit note not yet stored changes a site's day; once finance has signed that day off it
 * waits for the day to be reopened (the API says so before a workflow starts; this holds for every path:
 * a print job, a return's credit note, a request that passed the API just before the sign-off).
 */
async function refuseOnLockedDay(em: EntityManager, orderId: string, now: Date): Promise<void> {
  const locked = await lockedDayOfOrder(em, orderId, now);
  if (locked) throw ApplicationFailure.nonRetryable(lockedDayMessage(locked), 'DaySignedOff');
}

const isStored = async (em: EntityManager, issueKey: string): Promise<boolean> => (await em.count(DocumentRecord, { issueKey })) > 0;

export function issueDocumentActivity(deps: ActivityDeps, publicUrl: string) {
  return async function issueDocumentOnce(input: IssueDocumentInput): Promise<DocumentSummary> {
    // Beats while it works, so that a worker that dies mid-issue is noticed in seconds, not at the timeout.
    const beat = setInterval(() => Context.current().heartbeat(), HEARTBEAT_MS);
    try {
      return await issueOrderDocument(deps, publicUrl, input);
    } finally {
      clearInterval(beat);
    }
  };
}
