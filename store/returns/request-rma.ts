import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { centsOf, type RmaApprover, type RmaLine, type RmaLineInput } from '../../domain/returns/rma.ts';
import { insertAudit } from '../audit-log.ts';
import type { OrderRecord } from '../order.entity.ts';
import { dateOf, sqlOn, type DateColumn } from '../sql.ts';
import { RmaRecord } from './rma.entity.ts';
import { RmaRefusal } from './rma-summary.ts';

/** The order's states a customer return may start from: its goods reached the customer. */
export const RETURNABLE_ORDER_STATES = ['delivered', 'completed', 'awaiting_remit', 'closed'] as const;

/** The RMA's lines priced at the order's prices (a SKU on several lines takes its first line's price); refuses a SKU the order does not have. */
export function priceRmaLines(order: Pick<OrderRecord, 'id' | 'lines'>, lines: readonly RmaLineInput[]): { lines: RmaLine[]; valueCents: number } {
  const priced = lines.map((l): RmaLine => {
    const ordered = order.lines.find((o) => o.sku === l.sku);
    if (!ordered) throw new RmaRefusal(`Order ${order.id} has no line of SKU ${l.sku}: return only what it shipped.`);
    const unitPriceCents = centsOf(ordered.price);
    return { sku: l.sku, qty: l.qty, reason: l.reason, note: l.note || null, unitPriceCents, valueCents: unitPriceCents * l.qty };
  });
  return { lines: priced, valueCents: priced.reduce((sum, l) => sum + l.valueCents, 0) };
}

/** When the order was last delivered or completed, from its audit log; null when its history does not say. */
export async function deliveredAtOf(em: EntityManager, orderId: string): Promise<Date | null> {
  const { rows } = await sql<{ at: DateColumn | null }>`select max(at) as at from audit_log
    where subject_type = ${'order'} and subject_id = ${orderId} and to_state in (${sql.join(['delivered', 'completed'])})`.execute(sqlOn(em));
  return rows[0]?.at ? dateOf(rows[0].at) : null;
}

export interface NewRma {
  id: string;
  order: Pick<OrderRecord, 'id' | 'account' | 'lines'>;
  lines: RmaLine[];
  valueCents: number;
  approver: RmaApprover;
  decisionId: string | null;
  /** The rules refused the return: it is stored rejected, claiming nothing. */
  rejectedBecause: string | null;
  by: string;
  now: Date;
}

/**
 * Stores a requested RMA in `tx` (the caller's transaction, which also holds the rules' decision), claiming
 * its quantities of the order: each line's claim rises atomically only while the order's live RMAs stay within
 * what it shipped, so two returns requested at once cannot both take the last units. A refusal writes nothing.
 */
export async function storeRequestedRma(tx: EntityManager, rma: NewRma): Promise<RmaRecord> {
  const db = sqlOn(tx);
  if (!rma.rejectedBecause) {
    for (const line of rma.lines) {
      const shipped = rma.order.lines.filter((l) => l.sku === line.sku).reduce((sum, l) => sum + l.qty, 0);
      // The insert of a first claim has no condition of its own: a line above what shipped never reaches it.
      const { rows } = line.qty > shipped ? { rows: [] } : await sql<{ qty: number }>`insert into return_claims (order_id, sku, qty) values (${rma.order.id}, ${line.sku}, ${line.qty})
        on conflict (order_id, sku) do update set qty = return_claims.qty + excluded.qty
        where return_claims.qty + excluded.qty <= ${shipped} returning qty`.execute(db);
      if (rows.length === 0) {
        const claimed = await sql<{ qty: number }>`select qty from return_claims where order_id = ${rma.order.id} and sku = ${line.sku}`.execute(db);
        const left = Math.max(0, shipped - Number(claimed.rows[0]?.qty ?? 0));
        throw new RmaRefusal(`Only ${left} of SKU ${line.sku} can still be returned: the order shipped ${shipped}, and its other returns claim the rest.`);
      }
    }
  }
  const row = tx.create(RmaRecord, {
    id: rma.id,
    orderId: rma.order.id,
    accountCode: rma.order.account,
    state: rma.rejectedBecause ? 'rejected' : 'requested',
    approver: rma.approver,
    decisionId: rma.decisionId,
    lines: rma.lines,
    valueCents: rma.valueCents,
    disposition: null,
    outcome: null,
    creditNoteId: null,
    exchangeOrderId: null,
    requestedBy: rma.by,
    requestedAt: rma.now,
    updatedAt: rma.now,
  });
  await tx.flush();
  const data = { orderId: rma.order.id, valueCents: rma.valueCents, approver: rma.approver, decisionId: rma.decisionId };
  await insertAudit(tx, { dedupeKey: `rma:${rma.id}:request`, subjectType: 'rma', subjectId: rma.id, action: 'request', toState: 'requested', actor: rma.by, at: rma.now, data });
  if (rma.rejectedBecause) {
    await insertAudit(tx, { dedupeKey: `rma:${rma.id}:reject`, subjectType: 'rma', subjectId: rma.id, action: 'reject', fromState: 'requested', toState: 'rejected', actor: `rules:${rma.decisionId}`, reason: rma.rejectedBecause, at: rma.now });
  }
  return row;
}
