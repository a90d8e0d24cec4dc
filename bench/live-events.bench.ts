import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Client } from '@temporalio/client';
import { issueToken, secretHashOf } from '../api/auth/api-tokens.ts';
import { createApp } from '../api/app.ts';
import { ApiTokenRecord } from '../store/api-token.entity.ts';
import { appendAudit } from '../store/audit-log.ts';
import { openStore, type Store } from '../store/open-store.ts';
import { storeConfigFromEnv } from '../store/store-config.ts';
import { percentile } from './percentile.ts';
import { pollingEventsApp } from './polling-events.ts';
import { countReads } from './query-counter.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200);
const EVENTS_PER_S = Number(process.env.BENCH_EVENTS_PER_S ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

interface Measured {
  delivered: number;
  expected: number;
  eventsPerS: number;
  latencies: number[];
  readsPerS: number;
}

/**
 * `npm run bench -- live-events`: `CLIENTS` browsers follow `GET /events` over HTTP while order transitions
 * are committed at a steady rate; events delivered per second, delivery latency (commit time in the entry to
 * arrival at the client) and the store reads per second, for one reader per process against the former
 * polling per browser, in the same run. Clients and server share one process, as a load balancer's
 * health checks would not; the figures are for comparison, not capacity. SQLite unless SLUICE_DATABASE_URL
 * names another store.
 */
export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-bench-events-'));
  const config = process.env.SLUICE_DATABASE_URL ? storeConfigFromEnv() : { kind: 'sqlite' as const, file: join(dir, 'sluice.sqlite') };
  const store = await openStore(config);
  // Transitions are written by the workers, not the API process: the producer has a store of its own.
  const producer = await openStore(config);
  try {
    const issued = issueToken();
    const em = store.em.fork();
    em.create(ApiTokenRecord, { id: issued.id, name: 'bench', role: 'dispatcher', secretHash: secretHashOf(issued.secret), createdBy: 'bench', createdAt: new Date(), lastUsedAt: null, revokedAt: null });
    await em.flush();
    const headers = { authorization: `Bearer ${issued.token}` };
    const counter = countReads();
    console.log(`Live events benchmark, Node ${process.version}, ${config.kind}: ${CLIENTS} clients, ${EVENTS_PER_S} transitions/s for ${SECONDS} s.`);
    // A Temporal client that never connects: the event stream does not use it.
    const feed = await measure(producer, createApp({ store, temporal: new Client(), taskQueue: 'bench' }).fetch, headers, counter);
    const polling = await measure(producer, pollingEventsApp(store).fetch, headers, counter);
    const ms = (n: number) => `${n.toFixed(0)} ms`;
    console.log(`  ${'stream'.padEnd(40)}${'delivered'.padStart(12)}${'events/s'.padStart(10)}${'p50'.padStart(9)}${'p99'.padStart(9)}${'reads/s'.padStart(10)}`);
    for (const [label, m] of [
      ['one reader per process (pushed)', feed],
      ['polling per browser, 500 ms (before)', polling],
    ] as const) {
      console.log(
        `  ${label.padEnd(40)}${`${m.delivered}/${m.expected}`.padStart(12)}${m.eventsPerS.toFixed(0).padStart(10)}${ms(percentile(m.latencies, 50)).padStart(9)}${ms(percentile(m.latencies, 99)).padStart(9)}${m.readsPerS.toFixed(1).padStart(10)}`,
      );
    }
  } finally {
    await producer.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(producer: Store, fetch: (req: Request) => Response | Promise<Response>, headers: Record<string, string>, counter: { reads(): number }): Promise<Measured> {
  const server = serve({ fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`;
  const run = randomUUID().slice(0, 8);
  const latencies: number[] = [];
  let delivered = 0;
  let lastArrival = 0;
  const abort = new AbortController();
  const readyAll = Array.from({ length: CLIENTS }, () => follow(url, headers, abort.signal, run, (at) => {
    latencies.push(Date.now() - at);
    delivered++;
    lastArrival = Date.now();
  }));
  await Promise.all(readyAll.map((c) => c.ready));

  const expected = CLIENTS * EVENTS_PER_S * SECONDS;
  const readsBefore = counter.reads();
  const started = Date.now();
  for (let i = 0; i < EVENTS_PER_S * SECONDS; i++) {
    const due = started + (i * 1000) / EVENTS_PER_S;
    if (due > Date.now()) await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
    const em = producer.em.fork();
    appendAudit(em, { dedupeKey: `bench-${run}-${i}`, subjectType: 'order', subjectId: `${run}-${i}`, action: 'RELEASE', fromState: 'queued', toState: 'released', actor: 'bench' });
    await em.flush();
  }
  const deadline = Date.now() + 30_000;
  while (delivered < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const elapsedS = (Math.max(lastArrival, Date.now() - 1) - started) / 1000;
  const readsPerS = (counter.reads() - readsBefore) / ((Date.now() - started) / 1000);
  abort.abort();
  await Promise.allSettled(readyAll.map((c) => c.done));
  if ('closeAllConnections' in server) server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  return { delivered, expected, eventsPerS: delivered / elapsedS, latencies, readsPerS };
}

/** One browser: resolves `ready` at the stream's ready event, calls `onEvent` with each event's commit time. */
function follow(url: string, headers: Record<string, string>, signal: AbortSignal, run: string, onEvent: (at: number) => void) {
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const done = (async () => {
    const res = await fetch(url, { headers, signal });
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body!) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (message.includes('event: ready')) markReady();
        const data = /^data: (.*)$/m.exec(message)?.[1];
        if (data && message.includes('event: order') && data.includes(run)) onEvent(Date.parse((JSON.parse(data) as { at: string }).at));
      }
    }
  })().catch(() => undefined);
  return { ready, done };
}
