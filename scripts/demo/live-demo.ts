import type { OrderDetail, OrderState } from '../../domain/order.ts';
import type { DemoApi } from './demo-api.ts';
import { demoOrder } from './demo-operation.ts';
import { dwellMinutes, liveStep, type LiveStreams } from './live-steps.ts';
import { followOrderEvents } from './order-feed.ts';
import { listOrders } from './seed-demo.ts';

export type LiveDemoOptions = {
  /** Minutes of the operation per minute of the clock: 60 runs an hour a minute. */
  speed: number;
  /** Orders arriving per hour of the operation (Poisson). */
  arrivalsPerHour: number;
  streams: LiveStreams;
  signal: AbortSignal;
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
  const { streams, signal, log = () => {} } = options;
  const minuteMs = 60_000 / options.speed;
  const tally: LiveDemoTally = { arrived: 0, actions: {} };
  const known = new Map<string, { state: OrderState; timer?: NodeJS.Timeout }>();
  const underWay = new Set<Promise<void>>();
  const run = (work: () => Promise<void>) => {
    const p = work().catch((error: unknown) => log(`[live demo] ${(error as Error).message}`));
    underWay.add(p);
    void p.finally(() => underWay.delete(p));
  };

  /** The order is in `state` now: whoever moves it on acts after a while (a new draw each time it enters a state). */
  const entered = (id: string, state: OrderState, again = false) => {
    const before = known.get(id);
    if (before?.state === state && !again) return;
    clearTimeout(before?.timer);
    const minutes = dwellMinutes(state, streams.durations);
    known.set(id, { state, ...(minutes === null || signal.aborted ? {} : { timer: setTimeout(() => run(() => act(id, state)), minutes * minuteMs) }) });
  };
  const act = async (id: string, expected: OrderState) => {
    if (signal.aborted) return;
    const order = (await (await api('dispatcher', `/orders/${id}`)).json()) as OrderDetail;
    if (order.state !== expected) return entered(id, order.state);
    const step = liveStep(order, streams.outcomes);
    if (!step) return;
    const res = await api(step.role, `/orders/${id}/actions`, { method: 'POST', body: step.request });
    // An action the order has moved past meanwhile (409) or Temporal down (503): look again after another while.
    if (!res.ok) return entered(id, order.state, true);
    tally.actions[step.request.action] = (tally.actions[step.request.action] ?? 0) + 1;
    // A claim leaves a review where it was: the approval is the next step, after another while.
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
    const gapMs = (-Math.log(1 - streams.arrivals()) * 60 * minuteMs) / options.arrivalsPerHour;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, gapMs);
      signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
    });
    if (signal.aborted) break;
    const { key, order } = demoOrder(`LIVE-${++sent}`, streams.orders, Date.now(), 60 * minuteMs);
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
