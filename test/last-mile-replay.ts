import { nextLastMileStatus, type LastMileStatus } from '../domain/last-mile.ts';
import type { OrderKind, OrderState } from '../domain/order.ts';
import type { AuditEntryRecord } from '../store/audit-entry.entity.ts';

type Entry = Pick<AuditEntryRecord, 'seq' | 'subjectType' | 'subjectId' | 'action' | 'fromState' | 'toState' | 'actor' | 'data'>;

export interface LastMileReplay {
  orders: Map<string, { state: OrderState; lastMileStatus: LastMileStatus | null }>;
  trips: Map<string, { state: string; driverId: string; stops: Map<string, string> }>;
  /** Cash each driver reported collected on delivery, in cents (summed per order, as the store does). */
  cashCents: Map<string, number>;
  /** Orders a driver's report moved more than once by the same action, or that sit on more than one trip. */
  actedTwice: string[];
}

const DRIVER = 'driver:';

/**
 * Rebuilds the last-mile day from the audit log alone, in the order it was written: each order's state and
 * last-mile status, each trip's state and stops, and each driver's cash. A failed pickup fails its drop-off
 * in the same transaction without an entry of its own, so the replay fails it too.
 */
export function replayLastMile(log: readonly Entry[], kindOf: (orderId: string) => OrderKind): LastMileReplay {
  const replay: LastMileReplay = { orders: new Map(), trips: new Map(), cashCents: new Map(), actedTwice: [] };
  const driverActions = new Set<string>();
  const tripOfOrder = new Map<string, string>();
  const twice = new Set<string>();
  for (const e of [...log].sort((a, b) => a.seq - b.seq)) {
    if (e.subjectType === 'order' && e.toState) {
      const before = replay.orders.get(e.subjectId);
      const to = e.toState as OrderState;
      replay.orders.set(e.subjectId, { state: to, lastMileStatus: nextLastMileStatus(kindOf(e.subjectId), before?.lastMileStatus ?? null, to) });
      if (e.actor.startsWith(DRIVER)) {
        const key = `${e.subjectId}:${e.action}`;
        if (driverActions.has(key)) twice.add(e.subjectId);
        driverActions.add(key);
        if (e.action === 'DELIVER' && typeof e.data?.amount === 'number') {
          const driver = e.actor.slice(DRIVER.length);
          replay.cashCents.set(driver, (replay.cashCents.get(driver) ?? 0) + Math.round(e.data.amount * 100));
        }
      }
    }
    if (e.subjectType !== 'trip') continue;
    if (e.action === 'create') {
      const data = e.data as { driverId: string; stops: string[] };
      replay.trips.set(e.subjectId, { state: e.toState!, driverId: data.driverId, stops: new Map(data.stops.map((s) => [s, 'pending'])) });
      for (const s of data.stops) {
        const orderId = s.slice(s.indexOf(':') + 1);
        const other = tripOfOrder.get(orderId);
        if (other !== undefined && other !== e.subjectId) twice.add(orderId);
        tripOfOrder.set(orderId, e.subjectId);
      }
      continue;
    }
    const trip = replay.trips.get(e.subjectId)!;
    if (e.toState) trip.state = e.toState;
    if (e.action.startsWith('stop_')) {
      const { orderId, kind } = e.data as { orderId: string; kind: string };
      const status = e.action.slice('stop_'.length);
      trip.stops.set(`${kind}:${orderId}`, status);
      const dropoff = `dropoff:${orderId}`;
      if (kind === 'pickup' && status === 'failed' && ['pending', 'arrived'].includes(trip.stops.get(dropoff) ?? '')) trip.stops.set(dropoff, 'failed');
    }
  }
  replay.actedTwice = [...twice];
  return replay;
}
