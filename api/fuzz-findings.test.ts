import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrderRecord } from '../store/order.entity.ts';
import { hoursFromNow } from '../test/clock.ts';
import { createHarness, type Harness } from '../test/sluice-harness.ts';
import { orderWorkflowId } from '../workflows/definitions.ts';

type Operation = { responses: Record<string, unknown> };

/**
 * What Schemathesis (api/openapi-fuzz.test.ts) found, each pinned by one request: the API answers a
 * 4xx its OpenAPI document lists for the operation, writes nothing, and keeps answering afterwards.
 */
describe('inputs the fuzzer found', () => {
  let h: Harness;
  let paths: Record<string, Record<string, Operation>>;
  beforeAll(async () => {
    h = await createHarness();
    paths = ((await (await h.app.request('/openapi.json')).json()) as { paths: typeof paths }).paths;
  });
  afterAll(async () => {
    await h?.close();
  });

  const order = (fields: Record<string, unknown> = {}) => JSON.stringify({ account: 'ACME', dueAt: hoursFromNow(24), workAreaId: h.workAreaId, lines: [{ sku: 'A', qty: 1, price: 1 }], ...fields });

  it.each([
    { case: 'a NUL in an order field', method: 'post', path: '/orders', url: '/orders', body: () => order({ account: 'AC\u0000ME' }), status: 400 },
    { case: 'a NUL in a line of an order', method: 'post', path: '/orders', url: '/orders', body: () => order({ lines: [{ sku: '\u0000', qty: 1, price: 1 }] }), status: 400 },
    { case: 'an order value past what a number holds', method: 'post', path: '/orders', url: '/orders', body: () => order({ lines: [{ sku: 'A', qty: 1e6, price: 1.7e308 }] }), status: 400 },
    // On PostgreSQL the order's workflow then could not read its due time back, and retried its intake for ever.
    { case: 'an order due before 1 AD', method: 'post', path: '/orders', url: '/orders', body: () => order({ dueAt: '0000-01-01T00:00:00Z' }), status: 400 },
    { case: 'a NUL in the order search', method: 'get', path: '/orders', url: '/orders?q=%00%25', body: () => undefined, status: 400 },
    { case: 'a NUL in an order id of a test run', method: 'post', path: '/rulesets/{decisionPoint}/test', url: '/rulesets/return/test', body: () => JSON.stringify({ orderIds: ['\u0000x'] }), status: 400 },
    { case: 'an unknown order in a test run', method: 'post', path: '/rulesets/{decisionPoint}/test', url: '/rulesets/return/test', body: () => JSON.stringify({ orderIds: ['no-such-order'] }), status: 404 },
    { case: 'an unknown test case', method: 'delete', path: '/rulesets/{decisionPoint}/test-cases/{id}', url: '/rulesets/return/test-cases/no-such-case', body: () => undefined, status: 404 },
    { case: 'a NUL in the login username', method: 'post', path: '/auth/login', url: '/auth/login', body: () => JSON.stringify({ username: 'dan\u0000', password: 'x' }), status: 400 },
  ])('$case → $status, documented', async ({ method, path, url, body, status }) => {
    const before = await h.store.em.fork().count(OrderRecord, {});
    const res = await h.request(url, { method: method.toUpperCase(), body: body(), role: 'ops_manager' });
    expect(res.status).toBe(status);
    expect(Object.keys(paths[path]?.[method]?.responses ?? {})).toContain(String(status));
    expect(await h.store.em.fork().count(OrderRecord, {})).toBe(before);
    expect((await h.request('/orders', { role: 'ops_manager' })).status).toBe(200);
  });

  it.each([9007199254740990, 2147483647])('a route version (%i) whose next one a version column cannot hold → 400, documented, on either database', async (version) => {
    const stops = [{ name: 'Hub', location: { lat: 0, lng: 0 } }];
    const route = (await (await h.request('/hub-routes', { method: 'POST', body: JSON.stringify({ name: 'Fuzz run', stops }), role: 'ops_manager' })).json()) as { id: string };
    const res = await h.request(`/hub-routes/${route.id}`, { method: 'PUT', body: JSON.stringify({ name: 'Renamed', stops, version }), role: 'ops_manager' });
    expect(res.status).toBe(400);
    expect(Object.keys(paths['/hub-routes/{id}']?.put?.responses ?? {})).toContain('400');
    expect((await h.request(`/hub-routes/${route.id}`, { role: 'ops_manager' })).status).toBe(200);
  });

  it('a hold cause cleared on a finished order → 409, documented', async () => {
    const { id } = await h.postOrder('FUZZ-FINISHED', 24);
    await h.client.workflow.getHandle(orderWorkflowId(id)).terminate('finished for the test');
    const res = await h.request(`/orders/${id}/holds/credit/cause-cleared`, { method: 'POST' });
    expect(res.status).toBe(409);
    expect(Object.keys(paths['/orders/{id}/holds/{holdType}/cause-cleared']?.post?.responses ?? {})).toContain('409');
  });
});
