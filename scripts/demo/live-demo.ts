import type { OrderDetail, OrderState } from '../../domain/order.ts';
import type { DemoApi } from './demo-api.ts';
import { demoOrder, type AreaPrefix } from './demo-operation.ts';
import { exponential } from '../../sim/distributions.ts';
import type { RandomStreams, Uniform } from '../../sim/random-streams.ts';
import { dwellMinutes, liveStep } from './live-steps.ts';
import { followOrderEvents } from './order-feed.ts';
import { listOrders } from './seed-demo.ts';

export type LiveDemoOptions = {
  /** Minutes of the operation per minute of the clock: 60 runs an hour a minute. */
  speed: number;
  /** Orders arriving per hour of the operation (Poisson). */
  arrivalsPerHour: number;
  /** The simulator's seeded streams: arrivals, orders, durations and outcomes each draw from their own. */
  streams: RandomStreams;
  signal: AbortSignal;
  areaPrefix?: AreaPrefix;
  log?: (line: string) => void;
};

export type LiveDemoTally = { arrived: number; actions: Record<string, number> };

/**
 * A simulated operation flowing through the real system until `signal` aborts: customers' orders arrive
 * through the intake API, and every order the system hands to people — a hold to clear, a review, work to
 * start and finish, a delivery to drive, cash to hand in, an escalation — is acted on through the API after
 * a random while in that state, at `speed` times the clock. Every order in the store takes part, not only
 * the ones it sent. It follows the orders by the live events, as the app does, and resolves once the
 * actions it had under way have answered.
 */
export async function runLiveDemo(api: DemoApi, options: LiveDemoOptions): Promise<LiveDemoTally> {
  const { signal, log = () => {} } = options;
  const [arrivals, orders, durations, outcomes] = ['arrivals', 'orders', 'durations', 'outcomes'].map((purpose) => options.streams.stream(purpose)) as [Uniform, Uniform, Uniform, Uniform];
  const minuteMs = 60_000 / options.speed;
  const tally: LiveDemoTally = { arrived: 0, actions: {} };
  const known = new Map<string, { state: OrderState; timer?: NodeJS.Timeout }>();
  const underWay = new Set<Promise<void>>();
  const run = (work: () => Promise<void>, onError: () => void = () => {}) => {
    const p = work().catch((error: unknown) => {
      log(`[live demo] ${(error as Error).message}`);
      onError();
    });
    underWay.add(p);
    void p.finally(() => underWay.delete(p));
  };

  /** The order is in `state` now: whoever moves it on acts after a while (a new draw each time it enters a state). */
  const entered = (id: string, state: OrderState, again = false) => {
    const before = known.get(id);
    if (before?.state === state && !again) return;
    clearTimeout(before?.timer);
    const minutes = dwellMinutes(state, durations);
    known.set(id, { state, ...(minutes === null || signal.aborted ? {} : { timer: setTimeout(() => run(() => act(id, state), () => entered(id, state, true)), minutes * minuteMs) }) });
  };
  const act = async (id: string, expected: OrderState) => {
    if (signal.aborted) return;
    const found = await api('dispatcher', `/orders/${id}`);
    if (!found.ok) throw new Error(`could not read order ${id}: ${found.status} ${await found.text()}`);
    const order = (await found.json()) as OrderDetail;
    if (order.state !== expected) return entered(id, order.state);
    const step = liveStep(order, outcomes);
    if (!step) return;
    const res =
      'operation' in step
        ? await api(step.role, `/orders/${id}/operations/${step.operation}/complete`, { method: 'POST' })
        : await api(step.role, `/orders/${id}/actions`, { method: 'POST', body: step.request });
    // An action the order has moved past meanwhile (409) or Temporal down (503): look again after another while.
    if (!res.ok) return entered(id, order.state, true);
    const done = 'operation' in step ? 'operation_completed' : step.request.action;
    tally.actions[done] = (tally.actions[done] ?? 0) + 1;
    // A claim leaves a review where it was, a step done an order in progress: the next step comes after another while.
    entered(id, ((await res.json()) as OrderDetail).state, true);
  };

  let ready!: () => void;
  const feedReady = new Promise<void>((resolve) => (ready = resolve));
  const feed = followOrderEvents(api, signal, (event) => entered(event.orderId, event.state), ready);
  await Promise.race([feedReady, feed]);
  if (!signal.aborted) for (const order of await listOrders(api, '')) if (!known.has(order.id)) entered(order.id, order.state);

  const stamp = Date.now().toString(36);
  let sent = 0;
  while (!signal.aborted) {
    const gapMs = exponential(arrivals, 60 / options.arrivalsPerHour) * minuteMs;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, gapMs);
      signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
    });
    if (signal.aborted) break;
    const { key, order } = demoOrder(`LIVE-${++sent}`, orders, Date.now(), 60 * minuteMs, options.areaPrefix ?? '');
    run(async () => {
      const res = await api('dispatcher', '/orders', { method: 'POST', body: order, headers: { 'idempotency-key': `${key}-${stamp}` } });
      if (res.ok) tally.arrived++;
      else log(`[live demo] order ${order.reference} was refused: ${res.status} ${await res.text()}`);
    });
  }
  for (const { timer } of known.values()) clearTimeout(timer);
  await feed;
  await Promise.allSettled([...underWay]);
  return tally;
}
