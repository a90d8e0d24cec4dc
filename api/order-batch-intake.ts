import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/sql';
import { orderBatchItem, type OrderBatchItemResult, type OrderBatchResult } from '../domain/order-batch.ts';
import type { NewOrder, OrderState } from '../domain/order.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { WorkAreaRecord } from '../store/work-area.entity.ts';
import type { ApiDeps } from './api-deps.ts';
import { UserError } from './errors.ts';
import { readAccountTiers } from '../store/accounts/accounts.ts';
import { hashOf, idempotencyKeyReused, placeOrder, recordNewOrder, type AreaDirectory, type NewOrderRecord } from './order-intake.ts';
import { validate } from './read-body.ts';
import { startOrderWorkflow, type StartableOrder } from './start-order-workflow.ts';
import { isTemporalUnreachable, temporalReachable } from './temporal-gate.ts';
import { log } from '../logging/logger.ts';

// Orders written per transaction: few round trips, while other writers (SQLite has one at a time) still get turns.
const WRITE_CHUNK = 100;
// Keys looked up per query, well under either database's limit of bound values.
const LOOKUP_CHUNK = 500;
// Workflow starts in flight at once.
const START_CONCURRENCY = 16;

/** An order a key already names: one stored before, or one this batch stores. */
interface Holder extends StartableOrder {
  requestHash: string;
  state: OrderState;
}

type Parsed = { index: number; key: string; input: NewOrder; hash: string } | { index: number; rejected: OrderBatchItemResult };

/**
 * Takes a batch of orders as `POST /orders` takes each one (the same validation, placement and per-caller
 * idempotency keys), answering a result per item; one bad item never fails the others. Items are taken in
 * order: a key used twice in a batch is, the second time, a duplicate of the first (or a 409 with another
 * body), as two requests in a row would be. The new orders are written a chunk per transaction, and their
 * workflows started a few at a time; those Temporal did not start are left to the intake sweeper (202).
 */
export async function takeOrders(deps: ApiDeps, items: readonly unknown[], scope: string): Promise<OrderBatchResult> {
  const em = deps.store.em.fork();
  const parsed = items.map(parseItem);
  const valid = parsed.filter((p) => 'key' in p);
  const holders = await storedHolders(em, scope, [...new Set(valid.map((p) => p.key))]);
  const areas = await batchAreas(em);
  const tiers = await readAccountTiers(em, valid.map((p) => p.input.account));

  const creators = new Map<number, NewOrderRecord>();
  const results: (OrderBatchItemResult | null)[] = parsed.map((p) => ('rejected' in p ? p.rejected : null));
  for (const item of valid) {
    if (holders.has(item.key)) continue;
    try {
      const placement = await placeOrder(areas, item.input);
      const record: NewOrderRecord = { id: randomUUID(), input: item.input, placement, idempotency: { key: item.key, scope }, requestHash: item.hash, tierOnFile: tiers.get(item.input.account) };
      creators.set(item.index, record);
      holders.set(item.key, holderOf(record));
    } catch (err) {
      results[item.index] = rejection(item.index, item.key, err);
    }
  }
  const lost = await writeOrders(deps, [...creators.values()], scope);
  for (const [key, winner] of lost) holders.set(key, winner);

  const started = await startWorkflows(deps, [...new Set(valid.map((p) => holders.get(p.key)).filter((h) => h?.state === 'captured'))] as Holder[]);
  for (const item of valid) {
    if (results[item.index]) continue;
    const holder = holders.get(item.key)!;
    const created = creators.get(item.index)?.id === holder.id;
    if (!created && holder.requestHash !== item.hash) {
      results[item.index] = rejection(item.index, item.key, idempotencyKeyReused());
      continue;
    }
    const waiting = started.has(holder.id) || holder.state !== 'captured' ? null : 202;
    results[item.index] = created
      ? { index: item.index, idempotencyKey: item.key, outcome: 'created', status: waiting ?? 201, orderId: holder.id, state: holder.state }
      : { index: item.index, idempotencyKey: item.key, outcome: 'duplicate', status: waiting ?? 200, orderId: holder.id, state: holder.state };
  }
  const done = results as OrderBatchItemResult[];
  const count = (outcome: OrderBatchItemResult['outcome']) => done.filter((r) => r.outcome === outcome).length;
  return { created: count('created'), duplicates: count('duplicate'), rejected: count('rejected'), results: done };
}

function parseItem(item: unknown, index: number): Parsed {
  try {
    const { idempotencyKey, order } = validate(orderBatchItem, item, 'body');
    return { index, key: idempotencyKey, input: order, hash: hashOf(order) };
  } catch (err) {
    const key = (item as { idempotencyKey?: unknown } | null)?.idempotencyKey;
    return { index, rejected: rejection(index, typeof key === 'string' ? key : null, err) };
  }
}

function rejection(index: number, idempotencyKey: string | null, err: unknown): OrderBatchItemResult {
  if (!(err instanceof UserError) || (err.status !== 400 && err.status !== 409)) throw err;
  const error = { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) };
  return { index, idempotencyKey, outcome: 'rejected', status: err.status, error };
}

const holderOf = (record: NewOrderRecord): Holder => ({
  id: record.id,
  workAreaId: record.placement.workAreaId,
  dueAt: new Date(record.input.dueAt),
  kind: record.input.kind,
  paymentMode: record.input.paymentMode,
  requestHash: record.requestHash,
  state: 'captured',
});

const storedHolder = (order: OrderRecord): Holder => ({
  id: order.id,
  workAreaId: order.workAreaId,
  dueAt: order.dueAt,
  kind: order.kind,
  paymentMode: order.paymentMode,
  requestHash: order.requestHash ?? '',
  state: order.state,
});

/** The orders the caller's keys already name, by key. */
async function storedHolders(em: EntityManager, scope: string, keys: readonly string[]): Promise<Map<string, Holder>> {
  const holders = new Map<string, Holder>();
  for (let i = 0; i < keys.length; i += LOOKUP_CHUNK) {
    const fields = ['id', 'workAreaId', 'dueAt', 'kind', 'paymentMode', 'requestHash', 'state', 'idempotencyKey'] as const;
    const found = await em.find(OrderRecord, { idempotencyScope: scope, idempotencyKey: { $in: keys.slice(i, i + LOOKUP_CHUNK) } }, { fields: [...fields] });
    for (const order of found) holders.set(order.idempotencyKey!, storedHolder(order as OrderRecord));
  }
  return holders;
}

/** Every work area, read once for the whole batch. */
async function batchAreas(em: EntityManager): Promise<AreaDirectory> {
  const areas = await em.find(WorkAreaRecord, {}, { fields: ['id', 'kind', 'zone', 'warehouse'], orderBy: { id: 'asc' } });
  const ids = areas.map((a) => a.id);
  return {
    ofKind: async (kind) => areas.filter((a) => a.kind === kind),
    existing: async (wanted) => wanted.filter((id) => ids.includes(id)),
    all: async () => ids,
  };
}

/**
 * Writes the new orders a chunk per transaction. A chunk in which some key was taken meanwhile (another
 * request with the same key raced this one) is written again order by order, and each key's winner is
 * answered instead, as `POST /orders` answers the loser of such a race.
 */
async function writeOrders(deps: ApiDeps, records: readonly NewOrderRecord[], scope: string): Promise<Map<string, Holder>> {
  const winners = new Map<string, Holder>();
  for (let i = 0; i < records.length; i += WRITE_CHUNK) {
    const chunk = records.slice(i, i + WRITE_CHUNK);
    try {
      await deps.store.em.fork().transactional(async (tx) => chunk.forEach((record) => recordNewOrder(tx, record)));
    } catch (err) {
      if (!(err instanceof UniqueConstraintViolationException)) throw err;
      for (const record of chunk) {
        try {
          await deps.store.em.fork().transactional(async (tx) => recordNewOrder(tx, record));
        } catch (raced) {
          if (!(raced instanceof UniqueConstraintViolationException)) throw raced;
          const winner = await deps.store.em.fork().findOneOrFail(OrderRecord, { idempotencyScope: scope, idempotencyKey: record.idempotency!.key });
          winners.set(record.idempotency!.key, storedHolder(winner));
        }
      }
    }
  }
  return winners;
}

/**
 * Starts the workflows of the captured orders, a few at a time; answers the ids started (or found started).
 * When Temporal cannot be reached none is tried, rather than each waiting out its own deadline: the intake
 * sweeper starts them once the server is back.
 */
async function startWorkflows(deps: ApiDeps, orders: readonly Holder[]): Promise<Set<string>> {
  const started = new Set<string>();
  if (orders.length === 0 || !(await temporalReachable(deps.temporal))) return started;
  let next = 0;
  let unreachable = false;
  const run = async () => {
    while (!unreachable && next < orders.length) {
      const order = orders[next++]!;
      try {
        await startOrderWorkflow(deps.temporal, deps.taskQueue, order);
        started.add(order.id);
      } catch (err) {
        if (isTemporalUnreachable(err)) unreachable = true;
        log.warn({ orderId: order.id, err }, 'the order is stored, but its workflow could not be started yet (the intake sweeper will start it)');
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(START_CONCURRENCY, orders.length) }, run));
  return started;
}
