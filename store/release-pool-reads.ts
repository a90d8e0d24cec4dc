import type { EntityManager } from '@mikro-orm/sql';
import { lineTotals, type OrderKind, type StatedPriority } from '../domain/order.ts';
import type { PoolOrder } from '../rules/release-cycle.ts';
import { OrderRecord } from './order.entity.ts';

type PoolRow = {
  id: string;
  kind: OrderKind;
  stated_priority: StatedPriority;
  due_at: number;
  created_at: number;
  queued_at: number | null;
  order_value: number | null;
  line_count: number | null;
  /** Only for orders taken before their totals were stored. */
  lines: string | null;
  account_tier: string | null;
  units: number;
};

/**
 * An area's pool as a release cycle ranks it: every queued order no cycle has released yet. Read as plain
 * rows, not entities, and with the lines' stored totals rather than the lines: a pool may hold a hundred
 * thousand orders and the cycle only reads them.
 */
export async function readPool(em: EntityManager, workAreaId: string): Promise<PoolOrder[]> {
  const rows = await em.execute<PoolRow[]>(
    `select id, kind, stated_priority, due_at, created_at, queued_at, order_value, line_count,
       case when order_value is null or line_count is null then lines end as lines, account_tier, units from orders
     where work_area_id = ? and in_pool = 1 and release_cycle_id is null`,
    [workAreaId],
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    statedPriority: r.stated_priority,
    dueAt: new Date(r.due_at),
    createdAt: new Date(r.created_at),
    queuedAt: new Date(r.queued_at ?? r.created_at),
    ...(r.order_value === null || r.line_count === null ? lineTotals(JSON.parse(r.lines!) as { qty: number; price: number }[]) : { orderValue: r.order_value, lineCount: r.line_count }),
    accountTier: r.account_tier,
    units: r.units,
  }));
}

/**
 * The capacity taken in an area: orders holding a slot, and orders a cycle released whose workflows have
 * not taken the release yet (their ids too, so a cycle can signal them again after a crash).
 */
export async function readTakenCapacity(em: EntityManager, workAreaId: string, unit: 'orders' | 'units') {
  const [holding, onTheirWay] = await Promise.all([
    em.find(OrderRecord, { workAreaId, holdsSlot: true }, { fields: ['id', 'units'] }),
    em.find(OrderRecord, { workAreaId, inPool: true, releaseCycleId: { $ne: null } }, { fields: ['id', 'units', 'queuedAt'] }),
  ]);
  const weigh = (orders: { units: number }[]) => orders.reduce((sum, o) => sum + (unit === 'units' ? o.units : 1), 0);
  return { used: weigh(holding) + weigh(onTheirWay), onTheirWay: onTheirWay.map((o) => ({ orderId: o.id, queuedAt: (o.queuedAt ?? new Date(0)).toISOString() })) };
}
