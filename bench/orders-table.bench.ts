import { sql } from 'kysely';
import { LAST_MILE_STATUSES } from '../domain/last-mile.ts';
import { ORDER_KINDS, STATED_PRIORITIES } from '../domain/order.ts';
import { decodeCursor } from '../store/order-list-cursor.ts';
import { listOrders, type OrderListQuery } from '../store/order-list.ts';
import { searchKeyOf } from '../store/order-search.ts';
import { lastMileRank, statedPriorityRank } from '../store/order-sort-ranks.ts';
import { openStore, type Store } from '../store/open-store.ts';
import { jsonValue, sqlOn } from '../store/sql.ts';
import type { StoreConfig } from '../store/store-config.ts';
import { WorkAreaRecord } from '../store/work-area.entity.ts';
import { pick, random } from './generated-orders.ts';
import { onBothStores } from './on-both-stores.ts';
import { percentile } from './percentile.ts';

/**
 * `npm run bench -- orders-table [--store postgres]`: the dispatcher's orders table over a large store
 * (BENCH_ORDERS, a million by default; BENCH_REPS runs a query, 20): p50 and p95 of a page of 50 for typical desk queries, the first
 * page and a deep one reached by cursor, on SQLite (and on a throwaway PostgreSQL with `--store postgres`).
 * Target: 200 ms p95 a page. It times the store's read (listOrders), which is what grows with the orders.
 */
const ORDERS = Number(process.env.BENCH_ORDERS ?? 1_000_000);
const REPS = Number(process.env.BENCH_REPS ?? 20);
const PAGE = 50;
const AREAS = Array.from({ length: 20 }, (_, i) => `area-${String(i + 1).padStart(2, '0')}`);
const ZONES = ['north', 'south', 'east', 'west', 'centre'];
const STATES = ['queued', 'queued', 'queued', 'released', 'assigned', 'in_progress', 'completed', 'closed', 'closed', 'on_hold', 'escalated', 'in_transit', 'delivered'] as const;
const HOUR = 3_600_000;

const QUERIES: Record<string, OrderListQuery> = {
  'newest first (all)': {},
  'exceptions desk, due soonest': { desk: 'exceptions', sort: 'due', dir: 'asc' },
  'delivery queue, highest priority': { kinds: ['delivery'], sort: 'priority', dir: 'desc' },
  'one area waiting, due soonest': { area: 'area-07', states: ['queued'], sort: 'due', dir: 'asc' },
  'zone + urgent + due window': { zone: 'north', priorities: ['urgent', 'high'], dueFrom: new Date(Date.now()), dueTo: new Date(Date.now() + 48 * HOUR) },
  'credit holds': { hold: 'credit' },
  'by reference': { sort: 'reference', dir: 'asc' },
  'by stated priority, urgent first': { sort: 'statedPriority', dir: 'desc' },
  'by last mile': { sort: 'lastMile', dir: 'asc' },
  'search a reference prefix': { q: 'REF-0012' },
  'search an account': { q: 'account-17' },
  'search a SKU': { q: 'SKU-1234' },
  'search a zone, due soonest': { q: 'north', sort: 'due', dir: 'asc' },
};

export async function insertOrders(store: Store, n: number): Promise<void> {
  const em = store.em.fork();
  for (const id of AREAS) em.create(WorkAreaRecord, { id, name: id, kind: 'pick_zone', wipLimit: 50 });
  await em.flush();
  const rng = random(17);
  const now = Date.now();
  const columns = ['id', 'reference', 'reference_key', 'account', 'account_key', 'kind', 'stated_priority', 'stated_priority_rank', 'due_at', 'work_area_id', 'lines', 'zone', 'warehouse', 'state', 'last_mile_status', 'last_mile_rank', 'priority_score', 'holds', 'escalation', 'created_at', 'updated_at'];
  // 21 values a row: well under SQLite's 32,766 bound parameters a statement.
  const ROWS = 1_000;
  await store.em.fork().transactional(async (tx) => {
    for (let from = 0; from < n; from += ROWS) {
      const rows = [];
      const skus = [];
      for (let i = from; i < Math.min(n, from + ROWS); i++) {
        const state = pick(rng, STATES);
        const createdAt = new Date(now - (n - i) * 30_000);
        const id = `o-${String(i).padStart(8, '0')}`;
        const reference = rng() < 0.05 ? null : `REF-${String(Math.floor(rng() * n)).padStart(7, '0')}`;
        const account = `account-${Math.floor(rng() * 500)}`;
        const sku = `SKU-${Math.floor(rng() * 5000)}`;
        skus.push(sql`(${id}, ${sku})`);
        // Drawn where they stand among the values, so the orders are those of earlier runs.
        let priority: (typeof STATED_PRIORITIES)[number];
        let lastMile: (typeof LAST_MILE_STATUSES)[number] | null;
        const values = [
          id,
          reference,
          reference === null ? null : searchKeyOf(reference),
          account,
          searchKeyOf(account),
          pick(rng, ORDER_KINDS),
          (priority = pick(rng, STATED_PRIORITIES)),
          statedPriorityRank(priority),
          new Date(createdAt.getTime() + Math.floor(rng() * 72) * HOUR),
          pick(rng, AREAS),
          jsonValue([{ sku, qty: 1, price: 10 }]),
          pick(rng, ZONES),
          `wh-${Math.floor(rng() * 4)}`,
          state,
          (lastMile = rng() < 0.5 ? pick(rng, LAST_MILE_STATUSES) : null),
          lastMileRank(lastMile),
          rng() < 0.1 ? null : Math.round(rng() * 1000) / 10,
          state === 'on_hold' ? jsonValue([{ type: rng() < 0.5 ? 'credit' : 'inventory', reason: 'bench', placedBy: 'rules' }]) : null,
          state === 'escalated' ? jsonValue({ role: pick(rng, ['dispatcher', 'specialist', 'finance'] as const), reason: 'bench', from: 'queued' }) : null,
          createdAt,
          createdAt,
        ];
        rows.push(sql`(${sql.join(values)})`);
      }
      await sql`insert into orders (${sql.raw(columns.join(', '))}) values ${sql.join(rows)}`.execute(sqlOn(tx));
      await sql`insert into order_skus (order_id, sku) values ${sql.join(skus)}`.execute(sqlOn(tx));
    }
  });
  // Fresh statistics, as a store that grew to this size over months has them.
  await sql`analyze`.execute(sqlOn(store.em.fork()));
}

async function timed(work: () => Promise<unknown>): Promise<number[]> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < REPS; i++) {
    const t0 = performance.now();
    await work();
    times.push(performance.now() - t0);
  }
  return times;
}

async function measure(name: string, config: StoreConfig): Promise<void> {
  const store = await openStore(config, { migrate: true });
  try {
    const t0 = performance.now();
    await insertOrders(store, ORDERS);
    console.log(`\nOrders table on ${name}: ${ORDERS.toLocaleString('en')} orders stored in ${((performance.now() - t0) / 1000).toFixed(0)} s; a page of ${PAGE}, ${REPS} runs after a warm-up, target 200 ms p95.`);
    console.log(`${'query'.padEnd(36)} ${'first p50'.padStart(10)} ${'first p95'.padStart(10)} ${'deep p50'.padStart(10)} ${'deep p95'.padStart(10)}  total`);
    for (const [label, query] of Object.entries(QUERIES)) {
      const first = await timed(() => listOrders(store.em.fork(), { ...query, limit: PAGE }));
      // A deep page: the cursor after the first thousands of matches, as a dispatcher scrolling far would hold.
      const deepStart = await listOrders(store.em.fork(), { ...query, limit: 500, offset: 5_000 });
      const cursor = deepStart.next;
      const deep = cursor === null ? null : await timed(() => listOrders(store.em.fork(), { ...query, limit: PAGE, cursor: decodeCursor(cursor)! }));
      const { total, totalExact } = await listOrders(store.em.fork(), { ...query, limit: 1 });
      const ms = (values: number[] | null, p: number) => (values === null ? '-' : `${percentile(values, p).toFixed(0)} ms`).padStart(10);
      console.log(`${label.padEnd(36)} ${ms(first, 50)} ${ms(first, 95)} ${ms(deep, 50)} ${ms(deep, 95)}  ${totalExact ? '' : '≥ '}${total.toLocaleString('en')}`);
    }
  } finally {
    await store.close();
  }
}

export const run = (): Promise<void> => onBothStores(measure);
