import type { PaymentMode } from '../../../domain/lifecycle.ts';
import type { StatedPriority } from '../../../domain/order.ts';
import { arrivalTimes, type ArrivalCurve } from './arrival-curve.ts';
import type { LastMileParams, Zone } from './last-mile-params.ts';

/** A day's order as it arrives, in hours since the day's midnight. */
export interface LastMileOrder {
  id: string;
  zone: number;
  kind: 'on_demand' | 'delivery';
  paymentMode: PaymentMode;
  statedPriority: StatedPriority;
  accountTier: 'major' | 'standard';
  orderValue: number;
  lineCount: number;
  arrival: number;
  /** A scheduled delivery's window opens here (the driver waits at the door until then); on-demand: null. */
  windowStart: number | null;
  due: number;
}

/** One stream of [0, 1) numbers per purpose, so policies compared on a seed see the same orders. */
export type Streams = (purpose: string) => () => number;

const pick = <T>(u: number, weighted: readonly (readonly [T, number])[]): T => {
  let left = u;
  for (const [value, weight] of weighted) if ((left -= weight) < 0) return value;
  return weighted[weighted.length - 1]![0];
};

const PRIORITIES: readonly (readonly [StatedPriority, number])[] = [
  ['low', 0.15],
  ['normal', 0.6],
  ['high', 0.2],
  ['urgent', 0.05],
];

/**
 * The day's orders: arrival times from the curve, then each order's zone, kind, payment, priority, value
 * and window, each from its own stream. A scheduled delivery is booked into a window that opens one to four
 * hours after the order, on the hour; on-demand orders are due within the promise.
 */
export function lastMileOrders(p: LastMileParams, zones: readonly Zone[], curve: ArrivalCurve, streams: Streams): LastMileOrder[] {
  const times = arrivalTimes(curve, p.orders, streams('arrivals'));
  const zoneOf = streams('zones');
  const kindOf = streams('kinds');
  const payment = streams('payment');
  const priority = streams('priorities');
  const value = streams('values');
  const window = streams('windows');
  const zoneWeights = zones.map((z, i) => [i, z.share] as const);
  const orders: LastMileOrder[] = new Array(times.length);
  for (let n = 0; n < times.length; n++) {
    const arrival = times[n]!;
    const onDemand = kindOf() < p.onDemandShare;
    const windowStart = onDemand ? null : Math.ceil(arrival + 1 + 2 * window());
    orders[n] = {
      id: `LM-${String(n + 1).padStart(6, '0')}`,
      zone: pick(zoneOf(), zoneWeights),
      kind: onDemand ? 'on_demand' : 'delivery',
      paymentMode: payment() < p.codShare ? 'cod' : 'prepaid',
      statedPriority: pick(priority(), PRIORITIES),
      accountTier: value() < 0.1 ? 'major' : 'standard',
      orderValue: Math.round(20 + 180 * value()),
      lineCount: 1 + Math.floor(4 * value()),
      arrival,
      windowStart,
      due: windowStart === null ? arrival + p.onDemandPromiseHours : windowStart + p.windowHours,
    };
  }
  return orders;
}
