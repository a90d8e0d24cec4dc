import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import type { OrderBasis } from '../../domain/trip-planning/trip-plan.ts';
import type { StopRef } from '../../domain/trips/trip.ts';
import { inTransaction } from '../in-transaction.ts';
import { OrderRecord } from '../order.entity.ts';
import { createTripIn } from '../trips/create-trip.ts';
import { TripOrderRecord } from '../trips/trip.entity.ts';
import { TripRefusal } from '../trips/trip-refusal.ts';

export interface PlanToCommit {
  trips: readonly { driverId: string; stops: readonly StopRef[] }[];
  /** Each order as it must still be: as the preview saw it, with the assignee any reassignment for the plan gave it. */
  expected: readonly OrderBasis[];
  note: string | null;
  by: string;
  now: Date;
}

const words = (o: { state: string; assignee: string | null }) => `${o.state.replaceAll('_', ' ')}${o.assignee ? ` (assigned to ${o.assignee})` : ''}`;

/** Why the plan no longer holds: an order of it is not as expected, or is on a trip now. Null when it holds. */
export async function planRefusal(em: EntityManager, plan: Pick<PlanToCommit, 'trips' | 'expected'>): Promise<string | null> {
  const expected = new Map(plan.expected.map((b) => [b.orderId, b]));
  const ids = [...new Set(plan.trips.flatMap((t) => t.stops.map((s) => s.orderId)))];
  const missing = ids.find((id) => !expected.has(id));
  if (missing) return `Order ${missing} is on a trip of the plan but not in its basis: send the preview's trips and basis together, or preview again.`;
  const orders = new Map((await em.find(OrderRecord, { id: { $in: ids } }, { fields: ['id', 'state', 'assignee'], refresh: true })).map((o) => [o.id, o]));
  for (const id of ids) {
    const now = orders.get(id);
    if (!now) return `Order ${id} is gone since the preview: preview again.`;
    const then = expected.get(id)!;
    const current = { state: now.state, assignee: now.assignee ?? null };
    if (current.state !== then.state || current.assignee !== then.assignee)
      return `Order ${id} changed since the preview: it was ${words(then)} and is ${words(current)} now. Nothing was planned; preview again.`;
  }
  const held = await em.findOne(TripOrderRecord, { orderId: { $in: ids } });
  if (held) return `Order ${held.orderId} was put on trip ${held.tripId} since the preview. Nothing was planned; preview again.`;
  return null;
}

/** Plans every trip of a previewed plan in one transaction, or none: refused when the plan no longer holds. */
export async function commitPlan(em: EntityManager, plan: PlanToCommit): Promise<string[]> {
  return inTransaction(em, async (tx) => {
    const refused = await planRefusal(tx, plan);
    if (refused) throw new TripRefusal(refused);
    const ids: string[] = [];
    for (const trip of plan.trips) {
      const id = randomUUID();
      await createTripIn(tx, { id, driverId: trip.driverId, stops: trip.stops.map((s) => ({ ...s, pinned: false })), note: plan.note, by: plan.by, now: plan.now });
      ids.push(id);
    }
    return ids;
  });
}
