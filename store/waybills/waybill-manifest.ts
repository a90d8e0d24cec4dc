import type { EntityManager } from '@mikro-orm/sql';
import type { Manifest, MoveResult, WaybillMove } from '../../domain/waybills/waybill.ts';
import { insertAudit } from '../audit-log.ts';
import { OrderRecord } from '../order.entity.ts';
import { toOrderListItem } from '../order-read-model.ts';
import { readWaybill } from './waybills.ts';

/** What the waybill carries, order by order in the order they went on, with its totals; null when there is no such waybill. */
export async function waybillManifest(em: EntityManager, id: string): Promise<Manifest | null> {
  const waybill = await readWaybill(em, id);
  if (!waybill) return null;
  const orders = new Map((await em.find(OrderRecord, { id: { $in: waybill.orderIds } })).map((o) => [o.id, o]));
  const lines = waybill.orderIds.flatMap((orderId) => {
    const o = orders.get(orderId);
    if (!o) return [];
    const value = o.orderValue ?? o.lines.reduce((sum, l) => sum + l.qty * l.price, 0);
    return [{ orderId, reference: o.reference ?? null, account: o.account, kind: o.kind, state: o.state, units: o.units, value, paymentMode: o.paymentMode, codAmount: o.paymentMode === 'cod' ? (o.codAmount ?? value) : null, dropoffLocation: toOrderListItem(o).dropoffLocation, lineCount: o.lines.length }];
  });
  return { waybill, lines, totals: { orders: lines.length, units: lines.reduce((s, l) => s + l.units, 0), value: lines.reduce((s, l) => s + (l.value ?? 0), 0) } };
}

/** Logs a move of the waybill's orders with each order's result: the orders' own transitions are in their logs. */
export async function recordWaybillMove(em: EntityManager, id: string, move: { action: WaybillMove; results: readonly MoveResult[]; by: string; now: Date }): Promise<void> {
  await insertAudit(em, {
    dedupeKey: `waybill:${id}:${move.action}:${move.now.getTime()}`,
    subjectType: 'waybill',
    subjectId: id,
    action: move.action,
    actor: move.by,
    at: move.now,
    data: { moved: move.results.filter((r) => r.ok).map((r) => r.orderId), refused: Object.fromEntries(move.results.filter((r) => !r.ok).map((r) => [r.orderId, r.message])) },
  });
}
