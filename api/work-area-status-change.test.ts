import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkAreaStatusChange } from '../domain/work-area.ts';
import { createHarness, type Harness } from '../test/sluice-harness.ts';
import { DEMO_USERS, seedDemoUsers } from './auth/bootstrap-users.ts';

/** Who paused or stopped an area and why, as the app shows it beside the area's status. */
describe("a work area's last status change", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    await seedDemoUsers(h.store.em.fork());
  });
  afterAll(async () => {
    await h?.close();
  });

  const lastChange = async (id = h.workAreaId) => {
    const res = await h.request(`/work-areas/${id}/status-change`, { role: 'finance' });
    return { status: res.status, body: (await res.json()) as { statusChange: WorkAreaStatusChange | null } };
  };
  const setStatus = async (status: string, reason: string, role: 'dispatcher' | 'admin' = 'dispatcher') =>
    (await h.request(`/work-areas/${h.workAreaId}/status`, { method: 'PUT', role, body: JSON.stringify({ status, reason }) })).status;

  it('is null until someone changes the status, then names the newest change: status, who, why, when', async () => {
    expect(await lastChange()).toEqual({ status: 200, body: { statusChange: null } });
    // A settings change that is not a status change does not count.
    const { id: _, ...settings } = (await (await h.request(`/work-areas/${h.workAreaId}`)).json()) as { id: string };
    expect((await h.request(`/work-areas/${h.workAreaId}`, { method: 'PUT', role: 'admin', body: JSON.stringify({ ...settings, name: 'Renamed' }) })).status).toBe(200);
    expect((await lastChange()).body.statusChange).toBeNull();

    const before = Date.now();
    expect(await setStatus('paused', 'Conveyor jam')).toBe(200);
    expect(await setStatus('stopped', 'Power cut', 'admin')).toBe(200);
    const { statusChange } = (await lastChange()).body;
    expect(statusChange).toMatchObject({ status: 'stopped', reason: 'Power cut', actor: 'token:test admin' });
    expect(Date.parse(statusChange!.at)).toBeGreaterThanOrEqual(before - 1_000);

    expect(await setStatus('open', 'Power back')).toBe(200);
    expect((await lastChange()).body.statusChange).toMatchObject({ status: 'open', reason: 'Power back' });
  });

  it('names a person who signed in by their display name; an integration has none', async () => {
    expect((await lastChange()).body.statusChange).toMatchObject({ actor: 'token:test dispatcher', actorDisplayName: null });
    const dan = DEMO_USERS.find((u) => u.username === 'dan')!;
    const login = await h.app.request('/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: dan.username, password: dan.password }) });
    const session = { 'content-type': 'application/json', cookie: login.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
    const paused = await h.app.request(`/work-areas/${h.workAreaId}/status`, { method: 'PUT', headers: session, body: JSON.stringify({ status: 'paused', reason: 'Short-staffed' }) });
    expect(paused.status).toBe(200);
    expect((await lastChange()).body.statusChange).toMatchObject({ status: 'paused', actor: 'dan', actorDisplayName: dan.displayName, reason: 'Short-staffed' });
  });

  it('answers 404 for an area that does not exist', async () => {
    expect((await lastChange('no-such-area')).status).toBe(404);
  });
});
