import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { NewWaybillInput, Waybill, WaybillState } from '../../domain/waybills/waybill.ts';
import { waybillEditRefusal, waybillOrderRefusal } from '../../domain/waybills/waybill-orders.ts';
import { insertAudit } from '../audit-log.ts';
import { inTransaction } from '../in-transaction.ts';
import { OrderRecord } from '../order.entity.ts';
import { sqlOn } from '../sql.ts';
import { WaybillOrderRecord, WaybillRecord } from './waybill.entity.ts';
import { WaybillRefusal } from './waybill-refusal.ts';

interface ByWhom {
  by: string;
  now: Date;
}

/** A page of waybills is what the list shows at once; newest first. */
export const WAYBILL_PAGE = 200;

export async function createWaybill(em: EntityManager, id: string, input: NewWaybillInput, who: ByWhom): Promise<void> {
  await inTransaction(em, async (tx) => {
    tx.create(WaybillRecord, { id, origin: input.origin, destination: input.destination, carrierType: input.carrierType, state: 'open', note: input.note || null, version: 0, createdBy: who.by, createdAt: who.now, sealedBy: null, sealedAt: null });
    await tx.flush();
    await insertAudit(tx, { dedupeKey: `waybill:${id}:create`, subjectType: 'waybill', subjectId: id, action: 'create', toState: 'open', actor: who.by, reason: input.note || null, at: who.now, data: { origin: input.origin, destination: input.destination, carrierType: input.carrierType } });
  });
}

/**
 * Reads the waybill for a change of its orders and moves its version on from the one read, while it is open:
 * a seal at the same moment either waits for this change or finds the version moved and is refused.
 */
async function openForChange(tx: EntityManager, id: string): Promise<WaybillRecord> {
  const waybill = await tx.findOne(WaybillRecord, { id }, { refresh: true });
  if (!waybill) throw new WaybillRefusal(`No waybill ${id}.`);
  const refused = waybillEditRefusal(waybill.state);
  if (refused) throw new WaybillRefusal(refused);
  const held = await tx.nativeUpdate(WaybillRecord, { id, state: 'open', version: waybill.version }, { version: waybill.version + 1 });
  if (held === 0) throw new WaybillRefusal('Someone else changed this waybill at the same moment. Nothing was changed; look at it again.');
  return waybill;
}

/** Puts orders on an open waybill, all or none: each must share its lane and be on no other waybill. */
export async function addWaybillOrders(em: EntityManager, id: string, orderIds: readonly string[], who: ByWhom): Promise<void> {
  await inTransaction(em, async (tx) => {
    const waybill = await openForChange(tx, id);
    const ids = [...new Set(orderIds)];
    const orders = new Map((await tx.find(OrderRecord, { id: { $in: ids } }, { fields: ['id', 'kind', 'state', 'warehouse', 'zone', 'carrierType'] })).map((o) => [o.id, o]));
    const db = sqlOn(tx);
    for (const orderId of ids) {
      const order = orders.get(orderId);
      if (!order) throw new WaybillRefusal(`No order ${orderId}.`);
      const refused = waybillOrderRefusal({ id: orderId, kind: order.kind, state: order.state, warehouse: order.warehouse ?? null, zone: order.zone ?? null, carrierType: order.carrierType ?? null }, waybill);
      if (refused) throw new WaybillRefusal(refused);
      const { rows } = await sql`insert into waybill_orders (order_id, waybill_id, added_at) values (${orderId}, ${id}, ${who.now}) on conflict (order_id) do nothing returning order_id`.execute(db);
      if (rows.length === 0) {
        const holder = await sql<{ waybill_id: string }>`select waybill_id from waybill_orders where order_id = ${orderId}`.execute(db);
        const on = holder.rows[0]?.waybill_id;
        throw new WaybillRefusal(on === id ? `Order ${orderId} is already on this waybill.` : `Order ${orderId} is already on waybill ${on ?? 'another waybill'}: take it off there first.`);
      }
    }
    await insertAudit(tx, { dedupeKey: `waybill:${id}:add:${waybill.version}`, subjectType: 'waybill', subjectId: id, action: 'add_orders', actor: who.by, at: who.now, data: { orderIds: ids } });
  });
}

/** Takes an order off an open waybill. */
export async function removeWaybillOrder(em: EntityManager, id: string, orderId: string, who: ByWhom): Promise<void> {
  await inTransaction(em, async (tx) => {
    const waybill = await openForChange(tx, id);
    const { rows } = await sql`delete from waybill_orders where order_id = ${orderId} and waybill_id = ${id} returning order_id`.execute(sqlOn(tx));
    if (rows.length === 0) throw new WaybillRefusal(`Order ${orderId} is not on this waybill.`);
    await insertAudit(tx, { dedupeKey: `waybill:${id}:remove:${waybill.version}`, subjectType: 'waybill', subjectId: id, action: 'remove_order', actor: who.by, at: who.now, data: { orderId } });
  });
}

/** Seals an open waybill with at least one order: from then on its orders are locked (the database refuses a change too). */
export async function sealWaybill(em: EntityManager, id: string, who: ByWhom): Promise<void> {
  await inTransaction(em, async (tx) => {
    const waybill = await tx.findOne(WaybillRecord, { id }, { refresh: true });
    if (!waybill) throw new WaybillRefusal(`No waybill ${id}.`);
    if (waybill.state === 'sealed') throw new WaybillRefusal(`The waybill was sealed by ${waybill.sealedBy} at ${waybill.sealedAt?.toISOString()}: it is locked.`);
    if ((await tx.count(WaybillOrderRecord, { waybillId: id })) === 0) throw new WaybillRefusal('The waybill has no orders: add the deliveries it carries before sealing it.');
    const sealed = await tx.nativeUpdate(WaybillRecord, { id, state: 'open', version: waybill.version }, { state: 'sealed', version: waybill.version + 1, sealedBy: who.by, sealedAt: who.now });
    if (sealed === 0) throw new WaybillRefusal('Someone else changed this waybill at the same moment. Nothing was sealed; look at it again.');
    await insertAudit(tx, { dedupeKey: `waybill:${id}:seal`, subjectType: 'waybill', subjectId: id, action: 'seal', fromState: 'open', toState: 'sealed', actor: who.by, at: who.now });
  });
}

async function waybillsOf(em: EntityManager, rows: readonly WaybillRecord[]): Promise<Waybill[]> {
  const lines = await em.find(WaybillOrderRecord, { waybillId: { $in: rows.map((r) => r.id) } }, { orderBy: { addedAt: 'asc', orderId: 'asc' } });
  return rows.map((r) => ({
    id: r.id,
    origin: r.origin,
    destination: r.destination,
    carrierType: r.carrierType,
    state: r.state,
    orderIds: lines.filter((l) => l.waybillId === r.id).map((l) => l.orderId),
    note: r.note ?? null,
    version: r.version,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    sealedBy: r.sealedBy ?? null,
    sealedAt: r.sealedAt?.toISOString() ?? null,
  }));
}

export async function listWaybills(em: EntityManager, filter: { state?: WaybillState | undefined }): Promise<Waybill[]> {
  return waybillsOf(em, await em.find(WaybillRecord, filter.state ? { state: filter.state } : {}, { orderBy: { createdAt: 'desc', id: 'asc' }, limit: WAYBILL_PAGE }));
}

export async function readWaybill(em: EntityManager, id: string): Promise<Waybill | null> {
  const row = await em.findOne(WaybillRecord, { id }, { refresh: true });
  return row ? (await waybillsOf(em, [row]))[0]! : null;
}
