import { z } from 'zod';
import { peakHourShare, type ArrivalCurve } from './arrival-curve.ts';

/** What a last-mile day is made of; every field has a default, so `{}` is a day. */
export const lastMileParams = z.strictObject({
  orders: z.number().int().min(1).max(200_000).default(5_000),
  zones: z.number().int().min(1).max(20).default(4),
  /** Drivers of each zone's pool; none: enough for the busiest hour at 85% of their capacity. */
  driversPerZone: z.number().int().min(1).max(10_000).nullable().default(null),
  /** Orders a driver carries at once: the pool's WIP limit is drivers × this. */
  ordersPerDriver: z.number().int().min(1).max(20).default(3),
  /** Share of delivery attempts that fail (nobody home): the order comes back and the return rules decide. */
  failureRate: z.number().min(0).max(0.9).default(0.08),
  /** Share of orders paid cash on delivery: finance confirms the cash before they close. */
  codShare: z.number().min(0).max(1).default(0.3),
  /** Share of on-demand orders (due within the promise); the rest are scheduled in a time window. */
  onDemandShare: z.number().min(0).max(1).default(0.4),
  onDemandPromiseHours: z.number().min(0.25).max(12).default(1.5),
  windowHours: z.number().min(0.5).max(12).default(2),
});
export type LastMileParams = z.infer<typeof lastMileParams>;

/** A zone's driver pool and the distances it drives. */
export interface Zone {
  name: string;
  areaId: string;
  /** Share of the day's orders. */
  share: number;
  drivers: number;
  wipLimit: number;
  /** Mean one-way drive from the depot to a customer, in hours. */
  travelHours: number;
}

/** Loading at the depot before the drive, and the time at the door, in hours. */
export const LOAD_HOURS = 10 / 60;
export const SERVICE_HOURS = 5 / 60;

/** A scheduled delivery's window opens this long after the order, on average (see last-mile-orders.ts). */
export const WINDOW_LEAD_HOURS = 2.5;

/**
 * The zones of a day: the first lies around the depot, each further one a longer drive and fewer orders.
 * Without a driver count, each pool gets enough drivers for its busiest hour at 85% of their capacity: a
 * delivery holds its slot for the loading, the drive and the door, a failed one for the drive back too, and
 * a scheduled one released at once waits at the door for its window (the fleet an operation that releases
 * everything at once needs; rules that hold scheduled orders back need less of it).
 */
export function zonesOf(p: LastMileParams, curve: ArrivalCurve): Zone[] {
  const weights = Array.from({ length: p.zones }, (_, i) => 1 / (1 + 0.3 * i));
  const total = weights.reduce((a, b) => a + b, 0);
  const peak = peakHourShare(curve);
  return weights.map((w, i) => {
    const share = w / total;
    const travelHours = (10 + (20 * i) / Math.max(1, p.zones - 1)) / 60;
    const windowWait = (1 - p.onDemandShare) * Math.max(0, WINDOW_LEAD_HOURS - LOAD_HOURS - travelHours);
    const slotHours = LOAD_HOURS + travelHours + SERVICE_HOURS + p.failureRate * travelHours + windowWait;
    const drivers = p.driversPerZone ?? Math.max(1, Math.ceil((p.orders * share * peak * slotHours) / (p.ordersPerDriver * 0.85)));
    return { name: `zone-${i + 1}`, areaId: `drivers-zone-${i + 1}`, share, drivers, wipLimit: drivers * p.ordersPerDriver, travelHours };
  });
}
