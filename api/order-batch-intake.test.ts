import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../launcher/free-port.ts';
import { MAX_BATCH_ORDERS, type OrderBatchItemResult, type OrderBatchResult } from '../domain/order-batch.ts';
import type { OrderSummary } from '../domain/order.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { hoursFromNow } from '../test/clock.ts';
import { createHarness, type Harness } from '../test/sluice-harness.ts';
import { orderWorkflowId } from '../workflows/definitions.ts';
import { createApp, MAX_BATCH_BODY_BYTES, MAX_BODY_BYTES } from './app.ts';

type Row = { item: unknown; expected: Omit<OrderBatchItemResult, 'orderId' | 'state' | 'error' | 'index'> & { sameOrderAs?: number; issuePath?: string } };

/** Batch intake on the test run's Temporal server (workflows start; no worker moves them) and a real store. */
describe('POST /orders/batch', () => {
  let h: Harness;
  /** The same API over a Temporal server that is down: orders are stored and left to the intake sweeper (202). */
  let cutOff: ReturnType<typeof createApp>;
  let deadConnection: Connection;
  beforeAll(async () => {
    h = await createHarness();
    deadConnection = Connection.lazy({ address: `127.0.0.1:${await freePort()}` });
    cutOff = createApp({ store: h.store, temporal: new Client({ connection: deadConnection }), taskQueue: h.taskQueue });
  });
  afterAll(async () => {
    await deadConnection?.close();
    await h?.close();
  });

  const body = (reference: string) => ({ reference, account: 'ACME', dueAt: hoursFromNow(24), workAreaId: h.workAreaId, lines: [{ sku: 'A', qty: 1, price: 5 }] });
  const postBatch = (items: unknown[], headers: Record<string, string> = {}) => h.request('/orders/batch', { method: 'POST', body: JSON.stringify({ orders: items }), headers });
  const postCutOff = async (items: unknown[]) =>
    cutOff.request('/orders/batch', { method: 'POST', body: JSON.stringify({ orders: items }), headers: { 'content-type': 'application/json', ...(await h.auth('dispatcher')) } });
  const batch = async (items: unknown[], post = postBatch) => {
    const res = await post(items);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as OrderBatchResult;
  };

  /**
   * Row `i` of the 10,000: mostly good orders, and every twentieth row of each kind of trouble — duplicates
   * of a row earlier in the batch and in an earlier batch, a key reused for another body (both ways), an
   * invalid order, an unknown work area, a missing key, an item that is not an object.
   */
  const rowOf = (i: number, rows: Row[]): Row => {
    const good = (key: string, reference: string): Row => ({ item: { idempotencyKey: key, order: body(reference) }, expected: { idempotencyKey: key, outcome: 'created', status: 201 } });
    const again = (source: number, changed: boolean): Row => {
      const { idempotencyKey, order } = rows[source]!.item as { idempotencyKey: string; order: { reference: string } };
      if (changed) return { item: { idempotencyKey, order: { ...order, reference: `${order.reference}-changed` } }, expected: { idempotencyKey, outcome: 'rejected', status: 409 } };
      return { item: { idempotencyKey, order }, expected: { idempotencyKey, outcome: 'duplicate', status: 200, sameOrderAs: source } };
    };
    const key = `k-${i}`;
    const crossBatch = i >= MAX_BATCH_ORDERS;
    switch (i % 20) {
      case 0:
        return { item: { idempotencyKey: key, order: { ...body(`B-${i}`), lines: [{ sku: 'A', qty: 0, price: 5 }] } }, expected: { idempotencyKey: key, outcome: 'rejected', status: 400, issuePath: 'order.lines.0.qty' } };
      case 1:
        return { item: { idempotencyKey: key, order: { ...body(`B-${i}`), workAreaId: 'no-such-area' } }, expected: { idempotencyKey: key, outcome: 'rejected', status: 400, issuePath: 'workAreaId' } };
      case 5:
        return again(i - 1, false);
      case 6:
        return again(i - 2, true);
      case 7:
        return crossBatch ? again(i - MAX_BATCH_ORDERS + 1, false) : good(key, `B-${i}`);
      case 9:
        return crossBatch ? again(i - MAX_BATCH_ORDERS - 1, true) : good(key, `B-${i}`);
      case 10:
        return { item: { order: body(`B-${i}`) }, expected: { idempotencyKey: null, outcome: 'rejected', status: 400, issuePath: 'idempotencyKey' } };
      case 11:
        return { item: `order ${i}`, expected: { idempotencyKey: null, outcome: 'rejected', status: 400, issuePath: '(body)' } };
      default:
        return good(key, `B-${i}`);
    }
  };

  // Through a Temporal that is down, so that 7,000 workflow starts on the test run's server do not swamp it:
  // the starts are proven by the tests below, and the sweeper's own tests prove it starts what is left.
  it('10,000 orders in 10 batches with duplicates and bad rows: exact results per item, and the store holds each good order once', { timeout: 300_000 }, async () => {
    const rows: Row[] = [];
    for (let i = 0; i < 10 * MAX_BATCH_ORDERS; i++) rows.push(rowOf(i, rows));
    const orderIds: string[] = [];
    for (let b = 0; b < 10; b++) {
      const slice = rows.slice(b * MAX_BATCH_ORDERS, (b + 1) * MAX_BATCH_ORDERS);
      const answer = await batch(slice.map((r) => r.item), postCutOff);
      expect(answer.results).toHaveLength(MAX_BATCH_ORDERS);
      answer.results.forEach((result, k) => {
        const i = b * MAX_BATCH_ORDERS + k;
        const { sameOrderAs, issuePath, ...expected } = rows[i]!.expected;
        const { orderId: _id, state: _state, error: _error, ...rest } = result as Partial<Record<'orderId' | 'state' | 'error', unknown>> & OrderBatchItemResult;
        // Every order stays captured, unstarted, so a created order and a duplicate alike are answered 202.
        expect(rest, `row ${i}`).toEqual({ index: k, ...expected, ...(result.outcome === 'rejected' ? {} : { status: 202 }) });
        if (result.outcome === 'created') expect(result.state).toBe('captured');
        if ('orderId' in result) orderIds[i] = sameOrderAs === undefined ? result.orderId : orderIds[sameOrderAs]!;
        if ('orderId' in result) expect(result.orderId, `row ${i}`).toBe(orderIds[i]);
        if (issuePath) expect(result.outcome === 'rejected' && result.error.issues?.map((x) => x.path), `row ${i}`).toContain(issuePath);
      });
      expect(answer.created + answer.duplicates + answer.rejected).toBe(MAX_BATCH_ORDERS);
    }

    const createdRows = rows.flatMap((r, i) => (r.expected.outcome === 'created' ? [i] : []));
    const stored = await h.store.em.fork().find(OrderRecord, { reference: { $like: 'B-%' } }, { fields: ['id', 'reference', 'idempotencyKey'] });
    expect(stored).toHaveLength(createdRows.length);
    expect(new Map(stored.map((o) => [o.id, o.reference]))).toEqual(new Map(createdRows.map((i) => [orderIds[i]!, `B-${i}`])));
    expect(new Set(stored.map((o) => o.idempotencyKey)).size).toBe(createdRows.length);
  });

  it('a rejected item is answered as POST /orders answers the same order alone', async () => {
    const bad = { ...body('SAME-ANSWER'), lines: [{ sku: '', qty: 1.5, price: -1 }] };
    const [result] = (await batch([{ idempotencyKey: 'same-answer', order: bad }])).results;
    const alone = await h.request('/orders', { method: 'POST', body: JSON.stringify(bad), headers: { 'idempotency-key': 'same-answer' } });
    expect(alone.status).toBe(400);
    const { error } = (await alone.json()) as { error: { issues: { path: string; message: string }[] } };
    expect(result).toMatchObject({ outcome: 'rejected', status: 400 });
    const issues = result!.outcome === 'rejected' ? result!.error.issues! : [];
    expect(issues.map((i) => ({ ...i, path: i.path.replace(/^order\./, '') }))).toEqual(error.issues);
  });

  it('shares its keys with POST /orders: either way round, the same key and body are the same order, and another body is the same 409', async () => {
    const [one, two] = [body('SHARED-1'), body('SHARED-2')];
    const single = await h.request('/orders', { method: 'POST', body: JSON.stringify(one), headers: { 'idempotency-key': 'shared-1' } });
    expect(single.status).toBe(201);
    const first = (await single.json()) as OrderSummary;
    const { results } = await batch([
      { idempotencyKey: 'shared-1', order: one },
      { idempotencyKey: 'shared-1', order: body('SHARED-1-other') },
      { idempotencyKey: 'shared-2', order: two },
    ]);
    expect(results.map((r) => [r.outcome, r.status])).toEqual([['duplicate', 200], ['rejected', 409], ['created', 201]]);
    expect(results[0]).toMatchObject({ orderId: first.id });

    const reused = await h.request('/orders', { method: 'POST', body: JSON.stringify(body('SHARED-1-other')), headers: { 'idempotency-key': 'shared-1' } });
    expect(reused.status).toBe(409);
    expect(results[1]).toMatchObject({ error: ((await reused.json()) as { error: object }).error });
    const replayed = await h.request('/orders', { method: 'POST', body: JSON.stringify(two), headers: { 'idempotency-key': 'shared-2' } });
    expect(replayed.status).toBe(200);
    expect(((await replayed.json()) as OrderSummary).id).toBe(results[2]!.outcome === 'created' && results[2]!.orderId);
  });

  it('two batches with the same keys sent at once store each order once: one is created, the other a duplicate of it', async () => {
    const items = Array.from({ length: 50 }, (_, i) => ({ idempotencyKey: `race-${i}`, order: body(`RACE-${i}`) }));
    // One caller: its token exists before the two requests, which would otherwise make one each.
    await h.auth('dispatcher');
    const [a, b] = await Promise.all([batch(items), batch(items)]);
    for (let i = 0; i < items.length; i++) {
      const pair = [a.results[i]!, b.results[i]!];
      expect(pair.map((r) => r.outcome).sort(), `item ${i}`).toEqual(['created', 'duplicate']);
      expect(pair[0]).toMatchObject({ orderId: (pair[1] as { orderId: string }).orderId });
    }
    expect(await h.store.em.fork().count(OrderRecord, { reference: { $like: 'RACE-%' } })).toBe(items.length);
  });

  it('while Temporal cannot be reached the orders are stored and answered 202; sent again once it is back, they are started', async () => {
    const order = body('DOWN-1');
    const { results } = await batch([{ idempotencyKey: 'down-1', order }, { idempotencyKey: 'down-1', order }], postCutOff);
    expect(results.map((r) => [r.outcome, r.status])).toEqual([['created', 202], ['duplicate', 202]]);
    const again = await batch([{ idempotencyKey: 'down-1', order }]);
    expect(again.results[0]).toMatchObject({ outcome: 'duplicate', status: 200, orderId: (results[0] as { orderId: string }).orderId });
    expect(await h.client.workflow.getHandle(orderWorkflowId((results[0] as { orderId: string }).orderId)).describe()).toBeTruthy();
  });

  it.each([
    { what: 'more than 1,000 orders', orders: () => Array.from({ length: MAX_BATCH_ORDERS + 1 }, (_, i) => ({ idempotencyKey: `over-${i}`, order: body('OVER') })), status: 400, message: /at most 1,000 orders: send the rest in another batch/ },
    { what: 'no orders', orders: () => [], status: 400, message: /at least one order/ },
    { what: 'orders that are not a list', orders: () => ({ idempotencyKey: 'x' }), status: 400, message: /orders/ },
  ])('$what: $status with a clear message, and nothing stored', async ({ orders, status, message }) => {
    const before = await h.store.em.fork().count(OrderRecord, {});
    const res = await postBatch(orders() as unknown[]);
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
    expect(await h.store.em.fork().count(OrderRecord, {})).toBe(before);
  });

  it('a body larger than the batch limit is a 413; a batch larger than one order may be is taken', async () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => ({ sku: `SKU-${i}`, qty: 1, price: 1 }));
    const big = [1, 2, 3].map((n) => ({ idempotencyKey: `big-${n}`, order: { ...body(`BIG-${n}`), lines } }));
    expect(JSON.stringify({ orders: big }).length).toBeGreaterThan(MAX_BODY_BYTES);
    const taken = await batch(big);
    expect(taken.created).toBe(3);
    const res = await h.request('/orders/batch', { method: 'POST', body: `{"orders":[${'"x",'.repeat(MAX_BATCH_BODY_BYTES / 4)}"x"]}` });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/larger than/);
  });
});
