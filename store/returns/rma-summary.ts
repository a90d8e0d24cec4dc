import type { RmaSummary } from '../../domain/returns/rma.ts';
import type { RmaRecord } from './rma.entity.ts';

/** Thrown inside an RMA's transaction so that it writes nothing; the message is for the person who asked. */
export class RmaRefusal extends Error {}

export const rmaSummaryOf = (row: RmaRecord, extra: { orderReference: string | null; creditNoteNumber: string | null }): RmaSummary => ({
  id: row.id,
  orderId: row.orderId,
  orderReference: extra.orderReference,
  accountCode: row.accountCode,
  state: row.state,
  approver: row.approver,
  decisionId: row.decisionId ?? null,
  lines: row.lines,
  valueCents: row.valueCents,
  disposition: row.disposition ?? null,
  outcome: row.outcome ?? null,
  creditNoteId: row.creditNoteId ?? null,
  creditNoteNumber: extra.creditNoteNumber,
  exchangeOrderId: row.exchangeOrderId ?? null,
  requestedBy: row.requestedBy,
  requestedAt: row.requestedAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});
