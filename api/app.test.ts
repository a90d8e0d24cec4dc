import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntryRecord } from '../store/audit-entry.entity.ts';
import { appendAudit } from '../store/audit-log.ts';
import { OrderOperationRecord } from '../store/order-operation.entity.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { createHarness, type Harness } from '../test/sluice-harness.ts';
import { orderWorkflowId } from '../workflows/definitions.ts';
import { hoursFromNow } from '../test/clock.ts';

/** The API through `app.request`, on a real SQLite file and the test run's Temporal server (no worker). */
describe('API', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const validOrder = () => ({ account: 'ACME', dueAt: hoursFromNow(24), workAreaId: h.workAreaId, lines: [{ sku: 'SKU-1', qty: 2, price: 9.5 }] });
  const postOrder = (body: string, headers: Record<string, string> = {}) => h.request('/orders', { method: 'POST', headers, body });
  const orderCount = () => h.store.em.fork().count(OrderRecord, {});
  const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string; issues?: { path: string; message: string }[] } }).error;

  describe('bad input is refused with a message and writes nothing', () => {
    it.each([
      { case: 'malformed JSON', body: '{"account": ', status: 400, code: 'malformed_json', paths: undefined },
      { case: 'wrong types', body: JSON.stringify({ account: 7, dueAt: 'tomorrow', lines: [{ sku: 'A', qty: 1.5, price: -1 }] }), status: 400, code: 'invalid_request', paths: ['account', 'dueAt', 'lines.0.qty', 'lines.0.price'] },
      { case: 'no lines', body: JSON.stringify({ account: 'ACME', dueAt: hoursFromNow(24), lines: [] }), status: 400, code: 'invalid_request', paths: ['lines'] },
      { case: 'unknown field', body: JSON.stringify({ account: 'ACME', dueAt: hoursFromNow(24), lines: [{ sku: 'A', qty: 1, price: 1 }], colour: 'red' }), status: 400, code: 'invalid_request', paths: ['(body)'] },
      { case: 'unknown work area', body: JSON.stringify({ account: 'ACME', dueAt: hoursFromNow(24), workAreaId: 'nowhere', lines: [{ sku: 'A', qty: 1, price: 1 }] }), status: 400, code: 'invalid_request', paths: ['workAreaId'] },
    ])('$case → $status $code', async ({ body, status, code, paths }) => {
      const before = await orderCount();
      const res = await postOrder(body);
      expect(res.status).toBe(status);
      const error = await errorOf(res);
      expect(error.code).toBe(code);
      expect(error.message.length).toBeGreaterThan(10);
      if (paths) expect(error.issues?.map((i) => i.path)).toEqual(paths);
      expect(await orderCount()).toBe(before);
    });

    it('an unknown order is a 404 for reads and actions', async () => {
      expect((await h.request('/orders/nope')).status).toBe(404);
      const res = await h.request('/orders/nope/actions', { method: 'POST', body: JSON.stringify({ action: 'complete' }) });
      expect(res.status).toBe(404);
      expect((await errorOf(res)).message).toBe('Order nope does not exist.');
    });

    it('an unknown action is refused with the allowed names', async () => {
      const res = await h.request('/orders/nope/actions', { method: 'POST', body: JSON.stringify({ action: 'teleport' }) });
      expect(res.status).toBe(400);
      expect((await errorOf(res)).issues?.[0]).toMatchObject({ path: 'action' });
    });

    it('an unknown route answers JSON', async () => {
      const res = await h.app.request('/nothing-here');
      expect(res.status).toBe(404);
      expect((await errorOf(res)).code).toBe('not_found');
    });
  });

  describe('intake', () => {
    it('places an order without a work area in every area of its kind serving its zone, or else the default area', async () => {
      const { workAreaId: _, ...anywhere } = validOrder();
      const pick = (await (await postOrder(JSON.stringify(anywhere))).json()) as { workAreaId: string; candidateAreas: string[] };
      expect(pick).toMatchObject({ workAreaId: 'pick-a', candidateAreas: ['pick-a', h.workAreaId] });
      const delivery = (await (await postOrder(JSON.stringify({ ...anywhere, kind: 'delivery' }))).json()) as { workAreaId: string; candidateAreas: string[] };
      expect(delivery).toMatchObject({ workAreaId: 'pick-a', candidateAreas: ['pick-a'] });
    });

    it('takes a production order with its routing, and refuses routings that do not fit', async () => {
      const routed = (kind: string, routing: object[]) => postOrder(JSON.stringify({ ...validOrder(), kind, routing }));
      const res = await routed('production', [{ workAreaId: h.workAreaId, hours: 2.5 }]);
      expect(res.status).toBe(201);
      const order = (await res.json()) as { id: string; routing: unknown };
      expect(order.routing).toEqual([{ workAreaId: h.workAreaId, hours: 2.5 }]);
      expect(await h.store.em.fork().find(OrderOperationRecord, { orderId: order.id })).toMatchObject([{ workAreaId: h.workAreaId, position: 1, hours: 2.5 }]);

      const before = await orderCount();
      for (const [refused, path, says] of [
        [await routed('pick', [{ workAreaId: h.workAreaId, hours: 1 }]), 'routing', 'Only production orders carry a routing'],
        [await routed('production', [{ workAreaId: 'nowhere', hours: 1 }]), 'routing.0.workAreaId', 'A routing starts at the order\'s work area'],
        [await routed('production', [{ workAreaId: h.workAreaId, hours: 1 }, { workAreaId: 'nowhere', hours: 1 }]), 'routing.1.workAreaId', 'Routing step 2: work area "nowhere" does not exist'],
      ] as const) {
        expect(refused.status).toBe(400);
        const error = await errorOf(refused);
        expect(error.issues?.map((i) => i.path)).toEqual([path]);
        expect(error.message).toContain(says);
      }
      expect(await orderCount()).toBe(before);
    });

    it('stores the order, starts its workflow, and answers with it', async () => {
      const res = await postOrder(JSON.stringify(validOrder()));
      expect(res.status).toBe(201);
      const order = (await res.json()) as { id: string; state: string; kind: string; statedPriority: string };
      expect(order).toMatchObject({ state: 'captured', kind: 'pick', statedPriority: 'normal' });
      expect(res.headers.get('location')).toBe(`/orders/${order.id}`);
      const description = await h.client.workflow.getHandle(orderWorkflowId(order.id)).describe();
      expect(description.type).toBe('orderWorkflow');
    });

    it('the same Idempotency-Key yields the same order', async () => {
      const body = JSON.stringify(validOrder());
      const first = await postOrder(body, { 'idempotency-key': 'key-1' });
      const again = await postOrder(body, { 'idempotency-key': 'key-1' });
      expect(first.status).toBe(201);
      expect(again.status).toBe(200);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(((await again.json()) as { id: string }).id).toBe(((await first.json()) as { id: string }).id);
      expect(await h.store.em.fork().count(OrderRecord, { idempotencyKey: 'key-1' })).toBe(1);
    });

    it('concurrent requests with one key create one order', async () => {
      const body = JSON.stringify(validOrder());
      const answers = await Promise.all([1, 2, 3, 4].map(() => postOrder(body, { 'idempotency-key': 'key-race' })));
      const ids = new Set(await Promise.all(answers.map(async (r) => ((await r.json()) as { id: string }).id)));
      expect(ids.size).toBe(1);
      expect(await h.store.em.fork().count(OrderRecord, { idempotencyKey: 'key-race' })).toBe(1);
    });

    it('reusing a key for a different order is a 409', async () => {
      await postOrder(JSON.stringify(validOrder()), { 'idempotency-key': 'key-2' });
      const res = await postOrder(JSON.stringify({ ...validOrder(), account: 'OTHER' }), { 'idempotency-key': 'key-2' });
      expect(res.status).toBe(409);
      expect((await errorOf(res)).code).toBe('idempotency_key_reused');
    });
  });

  it('serves the rulesets in force and the work areas', async () => {
    const ruleset = (await (await h.request('/rulesets/priority')).json()) as { version: number; definition: { rules: unknown[] } };
    expect(ruleset.version).toBe(1);
    expect(ruleset.definition.rules.length).toBeGreaterThan(0);
    expect((await h.request('/rulesets/remit')).status).toBe(200);
    expect((await h.request('/rulesets/teleport')).status).toBe(400);
    const { workAreas } = (await (await h.request('/work-areas')).json()) as { workAreas: { id: string }[] };
    expect(workAreas.map((a) => a.id)).toContain(h.workAreaId);
  });

  it('streams order transitions from the audit log, resuming after Last-Event-ID', async () => {
    const em = h.store.em.fork();
    appendAudit(em, { dedupeKey: 'sse-1', subjectType: 'order', subjectId: 'o-sse', action: 'RELEASE', fromState: 'queued', toState: 'released', actor: 'system' });
    await em.flush();
    const seq = (await h.store.em.fork().findOneOrFail(AuditEntryRecord, { dedupeKey: 'sse-1' })).seq;
    const abort = new AbortController();
    const res = await h.request('/events', { headers: { 'last-event-id': String(seq - 1) }, signal: abort.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    let text = '';
    while (!text.includes('"orderId":"o-sse"')) text += new TextDecoder().decode((await reader.read()).value);
    abort.abort();
    await reader.cancel();
    expect(text).toContain(`id: ${seq}`);
    expect(text).toContain('"state":"released"');
  });
});
