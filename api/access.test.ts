import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, ROLES, type Role } from '../domain/roles.ts';
import { createHarness, type Harness } from '../test/sluice-harness.ts';
import { seedDemoUsers } from './auth/bootstrap-users.ts';
import { apiRoutes } from './app.ts';
import { checkRoutes } from './registry/mount-routes.ts';
import type { AnyRoute } from './registry/route.ts';

const SAMPLE_PARAMS: Record<string, string> = { id: 'does-not-exist', decisionPoint: 'priority' };
const concrete = (path: string) => path.replace(/:(\w+)/g, (_, name: string) => SAMPLE_PARAMS[name] ?? 'x');

/** Every route of the registry × every role, and nobody: the policy table, proven against the running app. */
describe('access to every route', () => {
  let h: Harness;
  let routes: AnyRoute[];
  beforeAll(async () => {
    h = await createHarness();
    routes = apiRoutes({ store: h.store, temporal: h.client, taskQueue: h.taskQueue });
  });
  afterAll(async () => {
    await h?.close();
  });

  const call = async (route: AnyRoute, headers: Record<string, string>) => {
    const res = await h.app.request(concrete(route.path), {
      method: route.method.toUpperCase(),
      headers: { 'content-type': 'application/json', ...headers },
      ...(route.method === 'get' ? {} : { body: '{}' }),
    });
    await res.body?.cancel();
    return res.status;
  };
  // The driver API takes a driver's token only: every role's session or token is refused there.
  const allows = (route: AnyRoute, role: Role) => route.access === 'public' || route.access === 'signed_in' || (route.access !== 'driver' && can([role], route.access));

  /** A driver resource of a driver pool, and a token a dispatcher issued for it. */
  const driverToken = async () => {
    const pool = `access-pool-${Date.now()}`;
    const driver = `access-driver-${Date.now()}`;
    expect((await h.request('/work-areas', { method: 'POST', role: 'ops_manager', body: JSON.stringify({ id: pool, name: 'Access pool', kind: 'driver_pool', zone: null, capacity: { wipLimit: 5 } }) })).status).toBe(201);
    expect((await h.request(`/work-areas/${pool}/resources`, { method: 'POST', role: 'ops_manager', body: JSON.stringify({ id: driver, name: driver, kind: 'driver' }) })).status).toBe(201);
    const issued = await h.request(`/drivers/${driver}/tokens`, { method: 'POST', role: 'dispatcher' });
    expect(issued.status).toBe(201);
    return { driver, token: ((await issued.json()) as { token: string; id: string }).token };
  };

  it('covers the routes this test knows how to call', () => {
    expect(routes.length).toBeGreaterThan(15);
    for (const route of routes) expect(concrete(route.path)).not.toContain(':');
  });

  it.each(ROLES)('as %s: allowed routes answer, the others refuse with 403', async (role) => {
    const headers = await h.auth(role);
    const outcomes = await Promise.all(routes.map(async (route) => ({ route: `${route.method} ${route.path}`, allowed: allows(route, role), status: await call(route, headers) })));
    for (const o of outcomes) {
      if (o.allowed) expect([401, 403], `${o.route} should let ${role} in`).not.toContain(o.status);
      else expect(o.status, `${o.route} should refuse ${role}`).toBe(403);
    }
  });

  it('as a driver: the driver API lets the driver in, every other route (public aside) refuses with 403', async () => {
    const { token } = await driverToken();
    const headers = { authorization: `Bearer ${token}` };
    const outcomes = await Promise.all(routes.map(async (route) => ({ route: `${route.method} ${route.path}`, access: route.access, status: await call(route, headers) })));
    expect(outcomes.filter((o) => o.access === 'driver').length).toBeGreaterThanOrEqual(6);
    for (const o of outcomes) {
      if (o.access === 'driver' || o.access === 'public') expect([401, 403], `${o.route} should let the driver in`).not.toContain(o.status);
      else expect(o.status, `${o.route} should refuse a driver`).toBe(403);
    }
  });

  it('a revoked driver token opens nothing', async () => {
    const { driver, token } = await driverToken();
    const [listed] = ((await (await h.request(`/drivers/${driver}/tokens`, { role: 'admin' })).json()) as { tokens: { id: string }[] }).tokens;
    expect((await h.request(`/drivers/${driver}/tokens/${listed!.id}`, { method: 'DELETE', role: 'admin' })).status).toBe(200);
    const res = await h.app.request('/driver/trips', { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/driver token is unknown or has been revoked/);
  });

  it('without credentials, everything but the public routes answers 401', async () => {
    for (const route of routes) {
      const status = await call(route, {});
      if (route.access === 'public') expect([401, 403], route.path).not.toContain(status);
      else expect(status, `${route.method} ${route.path}`).toBe(401);
    }
  });

  // Exports hand over many records at once, so who may take which is spelled out here as well as in the table.
  it.each([
    { path: '/exports/orders', allowed: ['ops_manager', 'dispatcher', 'finance', 'admin', 'order_processor'] },
    { path: '/exports/decisions', allowed: ['ops_manager', 'admin'] },
    { path: '/exports/audit', allowed: ['ops_manager', 'admin'] },
  ] satisfies { path: string; allowed: Role[] }[])('$path is exported to $allowed only', async ({ path, allowed }) => {
    for (const role of ROLES) {
      const res = await h.request(path, { role });
      await res.body?.cancel();
      expect(res.status, role).toBe((allowed as Role[]).includes(role) ? 200 : 403);
    }
  });

  // The catalogue is commercial, stock is the floor's; who keeps an account apart from who gives it credit
  // (#19): spelled out here as well as in the table.
  it.each([
    { method: 'PUT', path: '/products/ACCESS-1', body: { name: 'Access test' }, allowed: ['ops_manager', 'admin'] },
    { method: 'POST', path: '/stock/receipts', body: { id: 'ACCESS-R', warehouse: 'W1', lines: [{ sku: 'NOT-A-PRODUCT', qty: 1 }] }, allowed: ['ops_manager', 'dispatcher', 'admin'] },
    { method: 'GET', path: '/stock', allowed: ROLES },
    { method: 'PUT', path: '/warehouses/ACCESS-W', body: { reserveAt: 'acceptance' }, allowed: ['admin', 'ops_manager'] },
    { method: 'GET', path: '/warehouses', allowed: ROLES },
    { method: 'GET', path: '/accounts', allowed: ROLES },
    { method: 'POST', path: '/accounts', body: {}, allowed: ['admin', 'order_processor'] },
    { method: 'PUT', path: '/accounts/x', body: {}, allowed: ['admin', 'order_processor'] },
    { method: 'POST', path: '/accounts/x/contacts', body: {}, allowed: ['admin', 'order_processor'] },
    { method: 'POST', path: '/accounts/import', body: {}, allowed: ['admin', 'order_processor'] },
    { method: 'PUT', path: '/accounts/x/credit', body: {}, allowed: ['finance'] },
    { method: 'POST', path: '/accounts/x/payments', body: {}, allowed: ['finance'] },
    { method: 'GET', path: '/orders/x/support-tickets', allowed: ROLES },
    // Returns (RMA): the order processor works them; approving is theirs or finance's (finance alone above the rules' threshold).
    { method: 'GET', path: '/returns', allowed: ROLES },
    { method: 'GET', path: '/returns/x', allowed: ROLES },
    { method: 'POST', path: '/orders/x/returns', body: {}, allowed: ['order_processor'] },
    { method: 'POST', path: '/returns/x/actions', body: {}, allowed: ['order_processor'] },
    { method: 'POST', path: '/returns/x/approval', body: {}, allowed: ['order_processor', 'finance'] },
    // End-of-day reconciliation (#19): the order processor and ops manager read the day; finance alone closes it.
    { method: 'GET', path: '/reconciliation?site=W1&day=2000-01-01', allowed: ['finance', 'order_processor', 'ops_manager'] },
    { method: 'GET', path: '/reconciliation/csv?site=W1&day=2000-01-01', allowed: ['finance', 'order_processor', 'ops_manager'] },
    { method: 'POST', path: '/reconciliation/sign-off', body: {}, allowed: ['finance'] },
    { method: 'POST', path: '/reconciliation/reopen', body: {}, allowed: ['finance'] },
    // Trips (#18): dispatchers and the ops manager plan and change them; whoever reads orders reads them.
    { method: 'GET', path: '/trips', allowed: ROLES },
    { method: 'GET', path: '/trips/x', allowed: ROLES },
    { method: 'POST', path: '/trips', body: {}, allowed: ['dispatcher', 'ops_manager'] },
    { method: 'POST', path: '/trips/x/order', body: {}, allowed: ['dispatcher', 'ops_manager'] },
    { method: 'POST', path: '/trips/x/moves', body: {}, allowed: ['dispatcher', 'ops_manager'] },
    { method: 'POST', path: '/trips/x/hand-over', body: {}, allowed: ['dispatcher', 'ops_manager'] },
    { method: 'POST', path: '/trips/x/dispatch', body: {}, allowed: ['dispatcher', 'ops_manager'] },
    { method: 'POST', path: '/trips/x/cancel', body: {}, allowed: ['dispatcher', 'ops_manager'] },
    { method: 'POST', path: '/trips/plan/preview', body: {}, allowed: ['dispatcher', 'ops_manager'] },
    { method: 'POST', path: '/trips/plan/commit', body: {}, allowed: ['dispatcher', 'ops_manager'] },
    // Drivers (#18): profiles for who plans and sets up; tokens from the dispatcher or an admin; the monitor is the floor's.
    { method: 'GET', path: '/drivers', allowed: ['dispatcher', 'ops_manager', 'admin'] },
    { method: 'GET', path: '/drivers/x', allowed: ['dispatcher', 'ops_manager', 'admin'] },
    { method: 'PUT', path: '/drivers/x', body: {}, allowed: ['dispatcher', 'ops_manager', 'admin'] },
    { method: 'POST', path: '/drivers/x/tokens', allowed: ['dispatcher', 'admin'] },
    { method: 'DELETE', path: '/drivers/x/tokens/y', allowed: ['dispatcher', 'admin'] },
    { method: 'GET', path: '/drivers/monitor', allowed: ['dispatcher', 'ops_manager'] },
    // The driver API takes drivers' tokens only: no role's session or token.
    { method: 'GET', path: '/driver/trips', allowed: [] },
    { method: 'POST', path: '/driver/trips/x/reports', body: {}, allowed: [] },
    { method: 'POST', path: '/driver/location', body: {}, allowed: [] },
    { method: 'GET', path: '/driver/trips/x/orders/y/messages', allowed: [] },
    { method: 'POST', path: '/driver/trips/x/orders/y/messages', body: {}, allowed: [] },
    // Routes, route sessions and waybills (#18): dispatchers and the ops manager run them; whoever reads orders reads them.
    { method: 'GET', path: '/hub-routes', allowed: ROLES },
    { method: 'GET', path: '/hub-routes/x', allowed: ROLES },
    { method: 'POST', path: '/hub-routes', body: {}, allowed: ['dispatcher', 'ops_manager'] },
    { method: 'PUT', path: '/hub-routes/x', body: {}, allowed: ['dispatcher', 'ops_manager'] },
    { method: 'POST', path: '/hub-routes/x/retire', body: {}, allowed: ['dispatcher', 'ops_manager'] },
    { method: 'GET', path: '/hub-routes/x/sessions', allowed: ROLES },
    { method: 'POST', path: '/hub-routes/x/sessions', body: {}, allowed: ['dispatcher', 'ops_manager'] },
    { method: 'GET', path: '/route-sessions/x', allowed: ROLES },
    { method: 'GET', path: '/route-sessions/x/offers', allowed: ROLES },
    { method: 'POST', path: '/route-sessions/x/orders', body: {}, allowed: ['dispatcher', 'ops_manager'] },
    ...['start', 'pick-up', 'depart', 'complete', 'cancel'].map((step) => ({ method: 'POST', path: `/route-sessions/x/${step}`, body: {}, allowed: ['dispatcher', 'ops_manager'] as Role[] })),
    { method: 'GET', path: '/waybills', allowed: ROLES },
    { method: 'GET', path: '/waybills/x', allowed: ROLES },
    { method: 'GET', path: '/waybills/x/manifest', allowed: ROLES },
    { method: 'GET', path: '/waybills/x/manifest.pdf', allowed: ROLES },
    { method: 'POST', path: '/waybills', body: {}, allowed: ['dispatcher', 'ops_manager'] },
    { method: 'POST', path: '/waybills/x/orders', body: {}, allowed: ['dispatcher', 'ops_manager'] },
    { method: 'DELETE', path: '/waybills/x/orders/y', allowed: ['dispatcher', 'ops_manager'] },
    { method: 'POST', path: '/waybills/x/seal', allowed: ['dispatcher', 'ops_manager'] },
    { method: 'POST', path: '/waybills/x/moves', body: {}, allowed: ['dispatcher', 'ops_manager'] },
    // An order's conversation (#18): whoever reads orders reads it; whoever acts on orders posts in it.
    { method: 'GET', path: '/orders/x/messages', allowed: ROLES },
    { method: 'POST', path: '/orders/x/messages', body: {}, allowed: ['dispatcher', 'specialist', 'finance', 'ops_manager', 'order_processor'] },
    // Support tickets (#18): the desk (dispatchers, order processors) works them, the ops manager reads the queue;
    // the customer's side stays public (the tracking routes).
    { method: 'GET', path: '/support/tickets', allowed: ['dispatcher', 'order_processor', 'ops_manager'] },
    { method: 'GET', path: '/support/tickets/x', allowed: ['dispatcher', 'order_processor', 'ops_manager'] },
    { method: 'POST', path: '/support/tickets/x/assign', body: {}, allowed: ['dispatcher', 'order_processor'] },
    { method: 'POST', path: '/support/tickets/x/answer', body: {}, allowed: ['dispatcher', 'order_processor'] },
    { method: 'POST', path: '/support/tickets/x/close', body: {}, allowed: ['dispatcher', 'order_processor'] },
    { method: 'GET', path: '/zones', allowed: ROLES },
    { method: 'GET', path: '/map/orders', allowed: ROLES },
    { method: 'GET', path: '/map/settings', allowed: ROLES },
    { method: 'PUT', path: '/zones/ACCESS-Z', body: {}, allowed: ['ops_manager', 'admin'] },
  ] satisfies { method: string; path: string; body?: unknown; allowed: readonly Role[] }[])('$method $path: $allowed only', async ({ method, path, body, allowed }) => {
    for (const role of ROLES) {
      const res = await h.request(path, { method, role, ...(body ? { body: JSON.stringify(body) } : {}) });
      await res.body?.cancel();
      if ((allowed as readonly Role[]).includes(role)) expect(res.status, role).not.toBe(403);
      else expect(res.status, role).toBe(403);
    }
  });

  it('a refusal names the role that is needed', async () => {
    const res = await h.request('/rulesets/priority/versions', { method: 'POST', role: 'dispatcher', body: '{}' });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('Publishing rules needs the ops manager role; test dispatcher has dispatcher.');
  });

  it('a route without a policy stops the app from starting', () => {
    const [first] = routes;
    expect(() => checkRoutes([{ ...first!, access: undefined as never }])).toThrow(/has no access policy/);
    expect(() => checkRoutes([first!, first!])).toThrow(/declared twice/);
  });

  // Roles alone cannot tell an integration from a person: reporting a hold's cause gone also asks for a token.
  it.each([
    { username: 'olivia', password: 'sluice-demo-ops', role: 'ops_manager' },
    { username: 'dan', password: 'sluice-demo-dispatch', role: 'dispatcher' },
    { username: 'ada', password: 'sluice-demo-admin', role: 'admin' },
  ] as const)('a hold’s cause gone: $role by token reaches the order, $username signed in is refused', async ({ username, password, role }) => {
    await seedDemoUsers(h.store.em.fork());
    const path = '/orders/does-not-exist/holds/inventory/cause-cleared';
    expect((await h.app.request(path, { method: 'POST', headers: await h.auth(role) })).status).toBe(404);
    const login = await h.app.request('/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    const session = { cookie: login.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
    const refused = await h.app.request(path, { method: 'POST', headers: session });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/^Only an integration \(an API token\)/);
  });

  it('a revoked or unknown token is refused', async () => {
    const res = await h.app.request('/orders', { headers: { authorization: 'Bearer slc_000000000000_nope' } });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_token');
  });
});
