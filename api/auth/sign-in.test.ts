import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntryRecord } from '../../store/audit-entry.entity.ts';
import { createHarness, type Harness } from '../../test/sluice-harness.ts';
import { DEMO_USERS, ensureFirstAdmin, seedDemoUsers } from './bootstrap-users.ts';
import { FREE_ATTEMPTS, pauseAfter } from './login-throttle.ts';
import { hoursFromNow } from '../../test/clock.ts';

/** Sessions, CSRF, throttling, tokens and their audit trail, through the API on a real store. */
describe('signing in', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    await seedDemoUsers(h.store.em.fork());
  });
  afterAll(async () => {
    await h?.close();
  });

  const json = { 'content-type': 'application/json' };
  const login = (username: string, password: string) => h.app.request('/auth/login', { method: 'POST', headers: json, body: JSON.stringify({ username, password }) });
  const signIn = async (username: string) => {
    const res = await login(username, DEMO_USERS.find((u) => u.username === username)!.password);
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return { cookie, csrfToken };
  };
  const auditActions = async () => (await h.store.em.fork().find(AuditEntryRecord, { subjectType: { $in: ['user', 'token'] } }, { orderBy: { seq: 'asc' } })).map((e) => e.action);

  it('sets an HTTP-only, same-site session cookie and answers who is signed in', async () => {
    const res = await login('olivia', 'sluice-demo-ops');
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/^sluice_session=[^;]+; .*HttpOnly.*SameSite=Strict/);
    const { cookie } = await signIn('olivia');
    const me = await h.app.request('/auth/me', { headers: { cookie } });
    expect(((await me.json()) as { user: { username: string; roles: string[] } }).user).toMatchObject({ username: 'olivia', roles: ['ops_manager'] });
  });

  it('refuses a change without the CSRF token, accepts it with the token', async () => {
    const { cookie, csrfToken } = await signIn('dan');
    const body = JSON.stringify({ account: 'ACME', dueAt: hoursFromNow(24), workAreaId: h.workAreaId, lines: [{ sku: 'A', qty: 1, price: 1 }] });
    const without = await h.app.request('/orders', { method: 'POST', headers: { ...json, cookie }, body });
    expect(without.status).toBe(403);
    expect(((await without.json()) as { error: { code: string } }).error.code).toBe('csrf_failed');
    const wrong = await h.app.request('/orders', { method: 'POST', headers: { ...json, cookie, 'x-csrf-token': 'guess' }, body });
    expect(wrong.status).toBe(403);
    const withToken = await h.app.request('/orders', { method: 'POST', headers: { ...json, cookie, 'x-csrf-token': csrfToken }, body });
    expect(withToken.status).toBe(201);
  });

  it('signing out ends the session', async () => {
    const { cookie, csrfToken } = await signIn('sofia');
    expect((await h.app.request('/auth/logout', { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } })).status).toBe(204);
    expect((await h.app.request('/auth/me', { headers: { cookie } })).status).toBe(401);
  });

  it('pauses after repeated failures, with a growing wait', async () => {
    expect([1, 2, 3, 4, 5, 30].map(pauseAfter)).toEqual([0, 0, 2_000, 4_000, 8_000, 15 * 60_000]);
    for (let i = 1; i < FREE_ATTEMPTS; i++) expect((await login('fred', 'wrong password')).status).toBe(401);
    const locked = await login('fred', 'wrong password');
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('2');
    // Even the right password waits out the pause.
    expect((await login('fred', 'sluice-demo-finance')).status).toBe(429);
  });

  it('an unknown user is refused like a wrong password', async () => {
    const res = await login('nobody', 'whatever-password');
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('The username or password is not right.');
  });

  it('creates the first admin once, with a one-time password that must be replaced', async () => {
    const fresh = await createHarness();
    try {
      const first = await ensureFirstAdmin(fresh.store.em.fork(), {});
      expect(first).toMatchObject({ username: 'admin' });
      expect(first?.oneTimePassword).toHaveLength(20);
      expect(await ensureFirstAdmin(fresh.store.em.fork(), {})).toBeNull();
      const res = await fresh.app.request('/auth/login', { method: 'POST', headers: json, body: JSON.stringify({ username: 'admin', password: first!.oneTimePassword }) });
      const session = (await res.json()) as { mustChangePassword: boolean; csrfToken: string };
      expect(session.mustChangePassword).toBe(true);
      const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
      const blocked = await fresh.app.request('/users', { headers: { cookie } });
      expect(((await blocked.json()) as { error: { code: string } }).error.code).toBe('password_change_required');
      const changed = await fresh.app.request('/auth/password', {
        method: 'POST',
        headers: { ...json, cookie, 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ currentPassword: first!.oneTimePassword, newPassword: 'a much better password' }),
      });
      expect(changed.status).toBe(204);
      expect((await fresh.app.request('/users', { headers: { cookie } })).status).toBe(200);
      expect(await fresh.store.em.fork().count(AuditEntryRecord, { action: 'password_changed', subjectId: 'admin' })).toBe(1);
    } finally {
      await fresh.close();
    }
  });

  it('never stores a password, token secret or session token in clear', async () => {
    const admin = await h.auth('admin');
    const password = 'correct horse battery staple';
    expect((await h.request('/users', { method: 'POST', role: 'admin', body: JSON.stringify({ username: 'pat', displayName: 'Pat', roles: ['dispatcher'], password }) })).status).toBe(201);
    // The admin chose that password, so Pat replaces it at the first sign-in.
    expect(((await (await login('pat', password)).json()) as { mustChangePassword: boolean }).mustChangePassword).toBe(true);
    const created = await h.app.request('/tokens', { method: 'POST', headers: { ...json, ...admin }, body: JSON.stringify({ name: 'erp', role: 'dispatcher' }) });
    const { token } = (await created.json()) as { token: string };
    // The secret is base64url, which may itself contain underscores.
    const secret = token.split('_').slice(2).join('_');
    const { cookie } = await signIn('olivia');
    const sessionToken = cookie.split('=')[1]!;

    const connection = h.store.em.getConnection();
    const rows = JSON.stringify([
      ...(await connection.execute('select * from users')),
      ...(await connection.execute('select * from api_tokens')),
      ...(await connection.execute('select * from sessions')),
      ...(await connection.execute('select * from audit_log')),
    ]);
    for (const value of [password, token, secret, sessionToken]) expect(rows).not.toContain(value);
    expect(rows).toContain('scrypt$32768$8$1$');

    // The token works until it is revoked, and then never again.
    expect((await h.app.request('/orders', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    const id = token.split('_')[1]!;
    expect((await h.app.request(`/tokens/${id}`, { method: 'DELETE', headers: admin })).status).toBe(200);
    expect((await h.app.request('/orders', { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });

  it('records roles changes and refuses to remove the last admin', async () => {
    const { users } = (await (await h.request('/users', { role: 'admin' })).json()) as { users: { id: string; username: string }[] };
    const pat = users.find((u) => u.username === 'pat')!;
    const changed = await h.request(`/users/${pat.id}/roles`, { method: 'PUT', role: 'admin', body: JSON.stringify({ roles: ['dispatcher', 'specialist'] }) });
    expect(((await changed.json()) as { roles: string[] }).roles).toEqual(['dispatcher', 'specialist']);
    const ada = users.find((u) => u.username === 'ada')!;
    const refused = await h.request(`/users/${ada.id}/roles`, { method: 'PUT', role: 'admin', body: JSON.stringify({ roles: ['dispatcher'] }) });
    expect(refused.status).toBe(409);
  });

  it('writes sign-ins, failures, tokens and role changes to the audit log', async () => {
    expect(new Set(await auditActions())).toEqual(
      new Set(['user_created', 'login', 'login_failed', 'logout', 'token_created', 'token_revoked', 'roles_changed']),
    );
  });
});
