import { DEMO_USERS } from '../../api/auth/bootstrap-users.ts';
import type { Role } from '../../domain/roles.ts';

/** A call to Sluice's API as someone of the role: the demo acts only through the API, as people and integrations do. */
export type DemoApi = (role: Role, path: string, init?: { method?: string; body?: unknown; headers?: Record<string, string>; signal?: AbortSignal }) => Promise<Response>;

/**
 * The API at `appUrl` as the demo people (one per role), each signed in on first use and again when the
 * session has ended (a live demo may run longer than a session lasts).
 */
export function demoPeopleApi(appUrl: string): DemoApi {
  const sessions = new Map<Role, Promise<Record<string, string>>>();
  const signIn = async (role: Role) => {
    const person = DEMO_USERS.find((u) => u.roles.includes(role));
    if (!person) throw new Error(`no demo person has the role ${role}`);
    const login = await fetch(`${appUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: person.username, password: person.password }) });
    if (!login.ok) throw new Error(`could not sign in as ${person.username}: ${login.status} ${await login.text()}`);
    return {
      'content-type': 'application/json',
      cookie: login.headers.get('set-cookie')!.split(';')[0]!,
      'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken,
    };
  };
  const call: DemoApi = async (role, path, init = {}) => {
    if (!sessions.has(role)) sessions.set(role, signIn(role));
    const send = async () =>
      fetch(`${appUrl}${path}`, {
        method: init.method ?? 'GET',
        headers: { ...(await sessions.get(role)!), ...init.headers },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
        ...(init.signal ? { signal: init.signal } : {}),
      });
    const res = await send();
    if (res.status !== 401) return res;
    sessions.set(role, signIn(role));
    return send();
  };
  return call;
}
