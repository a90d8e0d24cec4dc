import type { Context } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import { latestPosition, isAfter, positionOf, readOrderEvents, START, type EventPosition, type PositionedEvent } from '../../store/order-events.ts';
import type { ApiDeps } from '../api-deps.ts';
import type { AppEnv } from '../auth/principal.ts';
import { eventFeedOf, type FeedSubscriber } from '../live-events/event-feed.ts';
import { credentialOf } from '../live-events/stream-credentials.ts';
import { defineRoute } from '../registry/route.ts';
import { STANDARD_ERRORS } from '../schemas.ts';

const HEARTBEAT_MS = 15_000;
const PAGE = 200;
// A browser this far behind is dropped; it reconnects with Last-Event-ID and reads what it missed from the store.
const MAX_QUEUED = 10_000;

export function eventRoutes(deps: ApiDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/events',
      operationId: 'streamOrderEvents',
      summary: 'Follow order transitions live',
      tag: 'Orders',
      access: 'orders.read',
      responses: { 200: { description: 'Server-sent events: `event: order`, `id: <seq>`, data is an OrderEvent.', contentType: 'text/event-stream' }, ...STANDARD_ERRORS },
      handler: (c) => streamOrderEvents(c, deps),
    }),
  ];
}

/**
 * Live order transitions as server-sent events, from the process's one reader of the audit log
 * (api/live-events/event-feed.ts), so it sees transitions made by any worker process. `Last-Event-ID`
 * resumes after a reconnect without losing events. The stream ends when the session or token it was
 * opened with does.
 */
function streamOrderEvents(c: Context<AppEnv>, deps: ApiDeps) {
  const feed = eventFeedOf(deps.store, deps.liveEvents);
  const credential = credentialOf(c.get('principal'));
  // nginx would otherwise hold events back in its buffer; other proxies must be told (docs/deploy.md).
  c.header('X-Accel-Buffering', 'no');
  return streamSSE(c, async (stream) => {
    const queue: PositionedEvent[] = [];
    let ended = false;
    let notify: (() => void) | null = null;
    const end = () => {
      ended = true;
      notify?.();
    };
    stream.onAbort(end);
    const subscriber: FeedSubscriber = {
      credential: credential!,
      deliver(batch) {
        queue.push(...batch);
        if (queue.length > MAX_QUEUED) end();
        notify?.();
      },
      end,
    };
    let sent = await resumePosition(deps, c.req.header('Last-Event-ID'));
    const leave = await feed.subscribe(subscriber);
    try {
      await stream.writeSSE({ event: 'ready', data: JSON.stringify({ seq: sent.seq }) });
      const send = async ({ position, event }: PositionedEvent) => {
        if (!isAfter(position, sent)) return;
        await stream.writeSSE({ event: 'order', id: String(event.seq), data: JSON.stringify(event) });
        sent = position;
      };
      // What was committed before the feed's reader started on this stream's behalf.
      for (let page = await readOrderEvents(deps.store.em.fork(), sent, PAGE); !ended; page = await readOrderEvents(deps.store.em.fork(), sent, PAGE)) {
        for (const entry of page) await send(entry);
        if (page.length < PAGE) break;
      }
      while (!ended) {
        while (queue.length > 0 && !ended) await send(queue.shift()!);
        if (!ended && !(await waitFor(HEARTBEAT_MS))) await heartbeat(stream);
      }
    } finally {
      leave();
    }

    function waitFor(ms: number): Promise<boolean> {
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          notify = null;
          resolve(false);
        }, ms);
        notify = () => {
          clearTimeout(timer);
          notify = null;
          resolve(true);
        };
      });
    }
  });
}

// A comment line now and then keeps proxies from closing an idle stream.
const heartbeat = (stream: SSEStreamingApi) => stream.write(': keep-alive\n\n');

async function resumePosition(deps: ApiDeps, lastEventId: string | undefined): Promise<EventPosition> {
  const em = deps.store.em.fork();
  const seq = Number(lastEventId);
  if (lastEventId === undefined || !Number.isSafeInteger(seq) || seq < 0) return latestPosition(em);
  if (seq === 0) return START;
  return (await positionOf(em, seq)) ?? latestPosition(em);
}
