import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../domain/roles.ts';
import { openStore, type Store } from '../store/open-store.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { UserRecord } from '../store/user.entity.ts';
import { hoursFromNow } from '../test/clock.ts';
import { createHarness, type Harness } from '../test/sluice-harness.ts';
import { createApp } from './app.ts';

type ErrorBody = { error: { code: string; message: string; issues?: { path: string; message: string }[] } };

/** Input no person means to send (from a fuzzer, a stuck key, a script gone wrong): a 4xx that says what is wrong, nothing written, and the server still answers. */
describe('bad input gets a clear 4xx and writes nothing', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const order = (patch: object = {}) => ({ account: 'ACME', dueAt: hoursFromNow(24), workAreaId: 'pick-a', lines: [{ sku: 'A', qty: 1, price: 1 }], ...patch });
  const send = (method: string, path: string, body: unknown, role: Role = 'dispatcher') => h.request(path, { method, role, body: JSON.stringify(body) });
  const errorOf = async (res: Response) => ((await res.json()) as ErrorBody).error;
  const orderCount = () => h.store.em.fork().count(OrderRecord, {});
  const stillServes = async () => {
    for (const path of ['/orders', '/work-areas/measures']) expect((await h.request(path)).status, path).toBe(200);
  };

  const long = (n: number) => 'x'.repeat(n);
  const nested = (depth: number) => {
    let condition: object = { fact: 'slackHours', operator: 'lessThan', value: 0 };
    for (let i = 0; i < depth; i++) condition = { all: [condition] };
    return condition;
  };
  const ruleset = (conditions: object, rules = 1) => ({
    decisionPoint: 'priority',
    name: 'deep',
    hitPolicy: 'additive',
    rules: Array.from({ length: rules }, (_, i) => ({ name: `r${i}`, description: 'd', conditions, event: { type: 'points', params: { points: i + 1 } } })),
  });

  it.each([
    { case: 'two lines of qty 2^53−1', body: order({ lines: [{ sku: 'A', qty: 2 ** 53 - 1, price: 1 }, { sku: 'B', qty: 2 ** 53 - 1, price: 1 }] }), path: 'lines.0.qty' },
    { case: 'a price of 1e308', body: order({ lines: [{ sku: 'A', qty: 2, price: 1e308 }] }), path: 'lines.0.price' },
    { case: '10,001 lines', body: order({ lines: Array.from({ length: 10_001 }, () => ({ sku: 'A', qty: 1, price: 1 })) }), path: 'lines' },
    { case: 'a 0.9 MB account', body: order({ account: long(900_000) }), path: 'account' },
    { case: 'an account of 101 characters', body: order({ account: long(101) }), path: 'account' },
    { case: 'a NUL in the account', body: order({ account: 'AC\u0000ME' }), path: 'account' },
    { case: 'a NUL in a sku', body: order({ lines: [{ sku: 'A\u0000', qty: 1, price: 1 }] }), path: 'lines.0.sku' },
    { case: 'a line break in the reference', body: order({ reference: 'PO\n1' }), path: 'reference' },
  ])('POST /orders with $case → 400 at $path', async ({ body, path }) => {
    const before = await orderCount();
    const res = await send('POST', '/orders', body);
    expect(res.status).toBe(400);
    expect((await errorOf(res)).issues?.map((i) => i.path)).toContain(path);
    expect(await orderCount()).toBe(before);
    await stillServes();
  });

  it('refuses a NUL in the username at sign-in, without signing in, and still serves', async () => {
    const res = await h.app.request('/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'ad\u0000min', password: 'x' }) });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).issues?.[0]?.path).toBe('username');
    const wrong = await h.app.request('/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'nobody', password: 'x' }) });
    expect(wrong.status).toBe(401);
    await stillServes();
  });

  it.each([
    { case: 'a reason of 501 characters', method: 'POST', path: '/orders/o-1/actions', role: 'dispatcher', body: { action: 'cancel', reason: long(501) }, at: 'reason' },
    { case: 'a NUL in a reason', method: 'POST', path: '/orders/o-1/actions', role: 'dispatcher', body: { action: 'cancel', reason: 'why\u0000' }, at: 'reason' },
    { case: 'a split into 101 parts', method: 'POST', path: '/orders/o-1/actions', role: 'specialist', body: { action: 'split', parts: Array.from({ length: 101 }, (_, i) => [i]) }, at: 'parts' },
    { case: 'an endless amount', method: 'POST', path: '/orders/o-1/actions', role: 'finance', body: { action: 'confirm_remit', amount: 1e300 }, at: 'amount' },
    { case: 'a work area name of 101 characters', method: 'PUT', path: '/work-areas/pick-a', role: 'admin', body: { name: long(101), kind: 'pick_zone', capacity: { wipLimit: 1 } }, at: 'name' },
    { case: 'a WIP limit beyond reason', method: 'PUT', path: '/work-areas/pick-a', role: 'admin', body: { name: 'A', kind: 'pick_zone', capacity: { wipLimit: 2 ** 60 } }, at: 'capacity.wipLimit' },
    { case: 'a time zone of 65 characters', method: 'PUT', path: '/work-areas/pick-a', role: 'admin', body: { name: 'A', kind: 'pick_zone', timeZone: long(65), capacity: { wipLimit: 1 } }, at: 'timeZone' },
    { case: 'a resource name with a NUL', method: 'POST', path: '/work-areas/pick-a/resources', role: 'admin', body: { id: 'r-1', name: 'R\u0000', kind: 'driver' }, at: 'name' },
    { case: 'a user display name of 101 characters', method: 'POST', path: '/users', role: 'admin', body: { username: 'someone', displayName: long(101), roles: ['dispatcher'], password: 'a long enough password' }, at: 'displayName' },
    { case: 'a token name with a NUL', method: 'POST', path: '/tokens', role: 'admin', body: { name: 'erp\u0000', role: 'dispatcher' }, at: 'name' },
    { case: 'a test case name of 121 characters', method: 'POST', path: '/rulesets/priority/test-cases', role: 'ops_manager', body: { name: long(121), facts: {} }, at: 'name' },
    { case: 'an empty fact name in a test case', method: 'POST', path: '/rulesets/priority/test-cases', role: 'ops_manager', body: { name: 'n', facts: { '': 1 } }, at: 'facts.' },
    { case: 'an empty fact name in a test run', method: 'POST', path: '/rulesets/priority/test', role: 'ops_manager', body: { facts: [{ '': 1 }] }, at: 'facts.0.' },
    { case: 'a publish note of 501 characters', method: 'POST', path: '/rulesets/priority/draft/publish', role: 'ops_manager', body: { note: long(501) }, at: 'note' },
    { case: 'a search of 101 characters', method: 'GET', path: `/orders?q=${long(101)}`, role: 'dispatcher', body: undefined, at: 'q' },
    { case: 'a NUL in the search', method: 'GET', path: '/orders?q=%00', role: 'dispatcher', body: undefined, at: 'q' },
    { case: 'a NUL in a path id', method: 'GET', path: '/orders/o%001', role: 'dispatcher', body: undefined, at: 'id' },
    { case: 'an id of 101 characters in the path', method: 'GET', path: `/work-areas/${long(101)}`, role: 'dispatcher', body: undefined, at: 'id' },
  ] as const)('$method $path with $case → 400 at $at', async ({ method, path, role, body, at }) => {
    const res = await h.request(path, { method, role, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).issues?.map((i) => i.path)).toContain(at);
    await stillServes();
  });

  it.each([
    { route: 'validate', method: 'POST', path: '/rulesets/priority/validate', wrap: (d: object) => ({ definition: d }) },
    { route: 'impact', method: 'POST', path: '/rulesets/priority/impact', wrap: (d: object) => ({ definition: d }) },
    { route: 'test run', method: 'POST', path: '/rulesets/priority/test', wrap: (d: object) => ({ definition: d, facts: [{ slackHours: 1 }] }) },
    { route: 'test-case run', method: 'POST', path: '/rulesets/priority/test-cases/run', wrap: (d: object) => ({ definition: d }) },
    { route: 'draft', method: 'PUT', path: '/rulesets/priority/draft', wrap: (d: object) => ({ definition: d }) },
    { route: 'publish', method: 'POST', path: '/rulesets/priority/versions', wrap: (d: object) => ({ definition: d, note: 'n' }) },
  ])('a ruleset nested 10,000 deep, 40 deep or with 1,001 rules → 400 on $route', async ({ method, path, wrap }) => {
    // Built as text: the object would be too deep for this process's own JSON.stringify.
    const text = JSON.stringify(wrap(ruleset({ placeholder: true }))).replace('{"placeholder":true}', `${'{"all":['.repeat(10_000)}{"fact":"slackHours","operator":"lessThan","value":0}${']}'.repeat(10_000)}`);
    const deep = await h.request(path, { method, role: 'ops_manager', body: text });
    expect(deep.status).toBe(400);
    expect((await errorOf(deep)).message).toMatch(/deep/);
    // Validate answers these with its problems (below); the others refuse them.
    if (path.endsWith('/validate')) return;
    for (const definition of [ruleset(nested(40)), ruleset(nested(1), 1_001)]) {
      const res = await send(method, path, wrap(definition), 'ops_manager');
      expect(res.status).toBe(400);
      expect((await errorOf(res)).message).toMatch(/at most (32 groups deep|1000 rules)/);
    }
    await stillServes();
  });

  it('validate lists a ruleset too deep or too large as a problem', async () => {
    const res = await send('POST', '/rulesets/priority/validate', { definition: ruleset(nested(40)) }, 'ops_manager');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { problems: { path: string; message: string }[] }).problems).toEqual([{ path: 'rules.0.conditions', message: 'conditions nest at most 32 groups deep', severity: 'error' }]);
  });

  it('answers 415 for a body that is not sent as JSON, and 405 with Allow for a method a path does not take', async () => {
    const plain = await h.request('/orders', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(order()) });
    expect(plain.status).toBe(415);
    expect((await errorOf(plain)).message).toMatch(/application\/json/);
    const patch = await h.request('/orders', { method: 'PATCH', body: '{}' });
    expect(patch.status).toBe(405);
    expect(patch.headers.get('allow')).toBe('GET, POST, HEAD');
    const put = await h.request('/orders/o-1', { method: 'DELETE' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, HEAD');
    expect((await h.request('/no-such-thing', { method: 'DELETE' })).status).toBe(404);
  });

  it('searches for % and _ as themselves, not as wildcards', async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    const accounts = [`${tag}-50%off`, `${tag}-a_b`, `${tag}-plain`];
    for (const account of accounts) expect((await send('POST', '/orders', order({ account }))).status).toBe(201);
    const found = async (q: string) => ((await (await h.request(`/orders?q=${encodeURIComponent(q)}`)).json()) as { orders: { account: string }[] }).orders.map((o) => o.account);
    expect(await found(`${tag}-50%`)).toEqual([`${tag}-50%off`]);
    expect(await found(`${tag}-a_`)).toEqual([`${tag}-a_b`]);
    // A search matches an account by its beginning: % and _ begin none of these.
    expect(await found('%')).toEqual([]);
    expect(await found('_')).toEqual([]);
  });

  it('ten parallel sign-ups of one username: one 201, nine 409', async () => {
    const body = { username: `twin-${crypto.randomUUID().slice(0, 8)}`, displayName: 'Twin', roles: ['dispatcher'], password: 'a long enough password' };
    const statuses = await Promise.all(Array.from({ length: 10 }, () => send('POST', '/users', body, 'admin').then((r) => r.status)));
    expect(statuses.sort()).toEqual([201, ...Array<number>(9).fill(409)]);
    expect(await h.store.em.fork().count(UserRecord, { username: body.username })).toBe(1);
  });

  describe('with a second API process on the same file', () => {
    let other: Store;
    beforeAll(async () => {
      other = await openStore(h.storeConfig);
    });
    afterAll(async () => {
      await other?.close();
    });

    it('concurrent changes to a work area and a resource all succeed, none is a 500', async () => {
      const second = createApp({ store: other, temporal: h.client, taskQueue: h.taskQueue });
      const admin = { 'content-type': 'application/json', ...(await h.auth('admin')) };
      expect((await send('POST', `/work-areas/${h.workAreaId}/resources`, { id: `res-${h.workAreaId}`, name: 'Ana', kind: 'driver' }, 'admin')).status).toBe(201);
      const calls = Array.from({ length: 12 }, (_, i) => {
        const app = i % 2 === 0 ? h.app : second;
        const [path, body] = [
          [`/work-areas/${h.workAreaId}/status`, { status: i % 4 < 2 ? 'paused' : 'open', reason: `call ${i}` }],
          [`/work-areas/${h.workAreaId}`, { name: `Area ${i}`, kind: 'pick_zone', capacity: { wipLimit: i + 1 } }],
          [`/resources/res-${h.workAreaId}/availability`, { available: i % 2 === 0, reason: `call ${i}` }],
        ][i % 3]!;
        return Promise.resolve(app.request(path as string, { method: 'PUT', headers: admin, body: JSON.stringify(body) })).then((r) => r.status);
      });
      expect(await Promise.all(calls)).toEqual(Array<number>(12).fill(200));
    });
  });
});
