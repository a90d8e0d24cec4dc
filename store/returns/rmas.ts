import type { EntityManager } from '@mikro-orm/sql';
import type { RmaDetail, RmaState, RmaSummary } from '../../domain/returns/rma.ts';
import { AuditEntryRecord } from '../audit-entry.entity.ts';
import { DocumentRecord } from '../documents/document.entity.ts';
import { OrderRecord } from '../order.entity.ts';
import { RmaRecord } from './rma.entity.ts';
import { rmaSummaryOf } from './rma-summary.ts';

/** A page of RMAs is as many as a desk shows at once; newest first. */
export const RMA_PAGE = 200;

async function summariesOf(em: EntityManager, rows: readonly RmaRecord[]): Promise<RmaSummary[]> {
  const orders = await em.find(OrderRecord, { id: { $in: [...new Set(rows.map((r) => r.orderId))] } }, { fields: ['id', 'reference'] });
  const notes = await em.find(DocumentRecord, { id: { $in: rows.flatMap((r) => (r.creditNoteId ? [r.creditNoteId] : [])) } }, { fields: ['id', 'number'] });
  const reference = new Map(orders.map((o) => [o.id, o.reference ?? null]));
  const number = new Map(notes.map((d) => [d.id, d.number ?? null]));
  return rows.map((r) => rmaSummaryOf(r, { orderReference: reference.get(r.orderId) ?? null, creditNoteNumber: r.creditNoteId ? (number.get(r.creditNoteId) ?? null) : null }));
}

export async function listRmas(em: EntityManager, filter: { state?: RmaState | undefined; orderId?: string | undefined }): Promise<RmaSummary[]> {
  const rows = await em.find(
    RmaRecord,
    { ...(filter.state ? { state: filter.state } : {}), ...(filter.orderId ? { orderId: filter.orderId } : {}) },
    { orderBy: { requestedAt: 'desc', id: 'asc' }, limit: RMA_PAGE },
  );
  return summariesOf(em, rows);
}

export async function summaryOfRma(em: EntityManager, row: RmaRecord): Promise<RmaSummary> {
  return (await summariesOf(em, [row]))[0]!;
}

/** One RMA with its timeline from the audit log, oldest first; null when there is none. */
export async function readRma(em: EntityManager, id: string): Promise<RmaDetail | null> {
  const row = await em.findOne(RmaRecord, { id });
  if (!row) return null;
  const entries = await em.find(AuditEntryRecord, { subjectType: 'rma', subjectId: id }, { orderBy: { at: 'asc', seq: 'asc' } });
  return {
    ...(await summaryOfRma(em, row)),
    timeline: entries.map((e) => ({ at: e.at.toISOString(), action: e.action, fromState: e.fromState ?? null, toState: e.toState ?? null, actor: e.actor, reason: e.reason ?? null })),
  };
}
