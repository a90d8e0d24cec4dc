import type { GeoPoint } from '../domain/geo.ts';
import type { OrderKind } from '../domain/order.ts';
import type { DriverTrip } from '../domain/drivers/driver-trip.ts';
import type { TripPlanPreview } from '../domain/trip-planning/trip-plan.ts';
import type { TripDetail } from '../domain/trips/trip.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { hoursFromNow } from './clock.ts';
import { prng } from './prng.ts';
import { eventually, type Harness } from './sluice-harness.ts';

export interface DaySize {
  drivers: number;
  ordersPerDriver: number;
  seed: number;
}

export interface DayOrder {
  id: string;
  kind: OrderKind;
  cod: number | null;
}

/** What the drivers did, as they meant it: the replay of the audit log has to agree with it. */
export interface SimulatedDay {
  zones: string[];
  drivers: string[];
  orders: Map<string, DayOrder>;
  trips: string[];
  /** Orders whose stop a driver failed, with the reason given. */
  failed: Map<string, string>;
  /** Cash each driver handed over as collected, in cents. */
  cashCents: Map<string, number>;
  reports: number;
  resends: number;
  seconds: { setup: number; intake: number; planning: number; driving: number };
}

const DEPOT: GeoPoint = { lat: 51.9225, lng: 4.4792 };
/** Three zones stacked north to south of the depot, a few kilometres each, as the demo city has. */
const ZONE_OFFSETS_KM = [6, 0, -6];
const KM_LAT = 111.195;
const KM_LNG = 111.195 * Math.cos((DEPOT.lat * Math.PI) / 180);
const FAILURE_REASONS = ['Nobody home', 'Address not found', 'Refused by the recipient'];
/** A pickup-and-delivery order in five, a cash-on-delivery order in four, a failed stop in twelve, a report sent twice in twenty. */
const SHARE = { pickupDelivery: 0.2, cod: 0.25, failure: 1 / 12, resend: 0.05 };

const seconds = (since: number) => (performance.now() - since) / 1_000;

/**
 * A last-mile day through the API and the worker: three zones, each with a driver pool and its drivers
 * (profiles and tokens), one depot warehouse, `drivers × ordersPerDriver` delivery orders released and
 * assigned by the worker, trips proposed per zone and committed, dispatched, and every driver working their
 * trips through the driver API: arrived, done (with the cash of a COD order) or failed with a reason, drawn
 * from a PRNG seeded by `seed` so that a failing day repeats.
 */
export async function simulateDay(h: Harness, size: DaySize): Promise<SimulatedDay> {
  const random = prng(size.seed);
  const run = `${Date.now()}`;
  const warehouse = `DAY-WH-${run}`;
  const zones = ZONE_OFFSETS_KM.map((_, z) => `day-${z}-${run}`);
  const drivers = Array.from({ length: size.drivers }, (_, i) => `day-driver-${i}-${run}`);
  const zoneOfDriver = (i: number) => i % zones.length;
  const tokens = new Map<string, string>();
  const day: SimulatedDay = { zones, drivers, orders: new Map(), trips: [], failed: new Map(), cashCents: new Map(drivers.map((d) => [d, 0])), reports: 0, resends: 0, seconds: { setup: 0, intake: 0, planning: 0, driving: 0 } };
  const ok = async (res: Response, status: number, what: string) => {
    if (res.status !== status) throw new Error(`${what}: ${res.status} ${await res.text()}`);
    return res;
  };

  let t = performance.now();
  await ok(await h.request(`/warehouses/${warehouse}`, { method: 'PUT', role: 'ops_manager', body: JSON.stringify({ location: DEPOT }) }), 200, 'warehouse location');
  for (const [z, zone] of zones.entries()) {
    const count = drivers.filter((_, i) => zoneOfDriver(i) === z).length;
    const body = { id: `${zone}-pool`, name: `Drivers of ${zone}`, kind: 'driver_pool', zone, capacity: { wipLimit: count * size.ordersPerDriver } };
    await ok(await h.request('/work-areas', { method: 'POST', role: 'ops_manager', body: JSON.stringify(body) }), 201, `pool of ${zone}`);
  }
  for (const [i, id] of drivers.entries()) {
    // Twice the driver's share, so that the plan's spread over drivers (by distance) is not cut short by
    // capacity: a plan leaves a driver no more orders than the capacity the assignment rules count.
    const capacity = size.ordersPerDriver * 2;
    await ok(await h.request(`/work-areas/${zones[zoneOfDriver(i)]}-pool/resources`, { method: 'POST', role: 'ops_manager', body: JSON.stringify({ id, name: id, kind: 'driver', capacity }) }), 201, `driver ${id}`);
    const issued = await ok(await h.request(`/drivers/${id}/tokens`, { method: 'POST', role: 'dispatcher' }), 201, `token of ${id}`);
    tokens.set(id, ((await issued.json()) as { token: string }).token);
  }
  day.seconds.setup = seconds(t);

  t = performance.now();
  const total = size.drivers * size.ordersPerDriver;
  const place = (z: number): GeoPoint => ({
    lat: Math.round((DEPOT.lat + (ZONE_OFFSETS_KM[z]! + (random() - 0.5) * 5) / KM_LAT) * 1e6) / 1e6,
    lng: Math.round((DEPOT.lng + ((random() - 0.5) * 8) / KM_LNG) * 1e6) / 1e6,
  });
  const bodies = Array.from({ length: total }, (_, i) => {
    // Each zone takes orders in proportion to its drivers.
    const z = zoneOfDriver(i % size.drivers);
    const kind: OrderKind = random() < SHARE.pickupDelivery ? 'pickup_delivery' : 'delivery';
    const cod = random() < SHARE.cod ? Math.round(500 + random() * 9_500) / 100 : null;
    return {
      kind,
      cod,
      body: {
        reference: `DAY-${run}-${i}`,
        account: 'ACME',
        kind,
        workAreaId: `${zones[z]}-pool`,
        zone: zones[z],
        warehouse,
        dueAt: hoursFromNow(12),
        lines: [{ sku: 'A', qty: 1, price: 20 }],
        ...(kind === 'pickup_delivery' ? { pickupLocation: place(z) } : {}),
        dropoffLocation: place(z),
        ...(cod === null ? {} : { paymentMode: 'cod', codAmount: cod }),
      },
    };
  });
  for (let start = 0; start < total; start += 50) {
    await Promise.all(
      bodies.slice(start, start + 50).map(async ({ kind, cod, body }) => {
        const res = await ok(await h.request('/orders', { method: 'POST', body: JSON.stringify(body) }), 201, `order ${body.reference}`);
        const { id } = (await res.json()) as { id: string };
        day.orders.set(id, { id, kind, cod });
      }),
    );
  }
  const ids = [...day.orders.keys()];
  await eventually(
    async () => {
      const waiting = await h.store.em.fork().count(OrderRecord, { id: { $in: ids }, state: { $ne: 'assigned' } });
      return waiting === 0 ? true : undefined;
    },
    `all ${total} orders to be assigned`,
    Math.max(120_000, total * 600),
  );
  day.seconds.intake = seconds(t);

  t = performance.now();
  const dispatcher = async <T>(path: string, body: unknown, status: number) => (await (await ok(await h.request(path, { method: 'POST', role: 'dispatcher', body: JSON.stringify(body) }), status, path)).json()) as T;
  for (const zone of zones) {
    const plan = await dispatcher<TripPlanPreview>('/trips/plan/preview', { zone }, 200);
    if (plan.unplanned.length > 0) throw new Error(`zone ${zone} left orders unplanned: ${JSON.stringify(plan.unplanned.slice(0, 3))}`);
    const committed = await dispatcher<{ trips: TripDetail[] }>('/trips/plan/commit', { trips: plan.trips.map((tr) => ({ driverId: tr.driverId, stops: tr.stops.map(({ orderId, kind }) => ({ orderId, kind })) })), basis: plan.basis }, 201);
    for (const trip of committed.trips) {
      await ok(await h.request(`/trips/${trip.id}/dispatch`, { method: 'POST', role: 'dispatcher' }), 200, `dispatch ${trip.id}`);
      day.trips.push(trip.id);
    }
  }
  day.seconds.planning = seconds(t);

  t = performance.now();
  // The draws are made before the drivers set off, in one order, so that the day repeats whatever the interleaving.
  const draws = new Map(ids.map((id) => [id, { fail: random() < SHARE.failure, resend: random() < SHARE.resend, atPickup: random() < 0.5, reason: FAILURE_REASONS[Math.floor(random() * FAILURE_REASONS.length)]! }]));
  const asDriver = async (driver: string, path: string, body?: unknown) =>
    h.app.request(path, { method: body === undefined ? 'GET' : 'POST', headers: { authorization: `Bearer ${tokens.get(driver)}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const report = async (driver: string, tripId: string, body: Record<string, unknown>) => {
    const res = await ok(await asDriver(driver, `/driver/trips/${tripId}/reports`, body), 200, `${driver} reporting ${JSON.stringify(body)}`);
    day.reports += 1;
    return (await res.json()) as { repeated: boolean };
  };
  await Promise.all(
    drivers.map(async (driver) => {
      const { trips } = (await (await ok(await asDriver(driver, '/driver/trips'), 200, `${driver}'s trips`)).json()) as { trips: DriverTrip[] };
      for (const trip of trips) {
        // A failed pickup fails its drop-off with it: the driver has nothing to drop off.
        const gone = new Set<string>();
        for (const stop of trip.stops) {
          if (gone.has(stop.orderId)) continue;
          const draw = draws.get(stop.orderId)!;
          const at = { orderId: stop.orderId, kind: stop.kind };
          await report(driver, trip.id, { ...at, status: 'arrived' });
          // A pickup-and-delivery order's failure comes at its pickup or, the goods picked up, at its drop-off.
          const fails = draw.fail && (stop.kind === 'dropoff' || draw.atPickup);
          const cod = day.orders.get(stop.orderId)!.cod;
          const body = fails
            ? { ...at, status: 'failed', reason: draw.reason }
            : { ...at, status: 'done', ...(stop.kind === 'dropoff' && cod !== null ? { cashCollected: cod } : {}), ...(stop.kind === 'dropoff' ? { proof: { recipientName: 'Recipient' } } : {}) };
          if ((await report(driver, trip.id, body)).repeated) throw new Error(`the first report of ${JSON.stringify(body)} was taken as a repeat`);
          if (draw.resend) {
            if (!(await report(driver, trip.id, body)).repeated) throw new Error(`a resent ${JSON.stringify(body)} acted again`);
            day.resends += 1;
          }
          if (fails) {
            day.failed.set(stop.orderId, draw.reason);
            gone.add(stop.orderId);
          } else if (stop.kind === 'dropoff' && cod !== null) day.cashCents.set(driver, day.cashCents.get(driver)! + Math.round(cod * 100));
        }
      }
    }),
  );
  day.seconds.driving = seconds(t);
  return day;
}
