import { join } from 'node:path';
import { startChild } from '../launcher/child-run.ts';
import { ensureTemporal } from '../launcher/ensure-temporal.ts';
import { DEMO_USERS, ensureFirstAdmin, seedDemoUsers } from '../api/auth/bootstrap-users.ts';
import { firstAdminFile, saveOneTimePassword } from '../api/auth/first-admin-file.ts';
import { ROLE_LABELS } from '../domain/roles.ts';
import { repoRoot } from '../launcher/repo-root.ts';
import { supervise, type Supervised } from '../launcher/supervisor.ts';
import { loadTemporalConfig } from '../launcher/temporal-config.ts';
import { openStore } from '../store/open-store.ts';
import { seedDefaults } from '../store/seed.ts';
import { describeStore, storeConfigFromEnv, storeEnv } from '../store/store-config.ts';
import { demoOrders, demoWorkAreas } from './demo-orders.ts';

/**
 * `npm start`: Temporal (a configured server, or the local dev server), the store with its defaults,
 * a worker and the API as child processes, and a few demo orders. A crashed worker or API, and a dev
 * server that dies or stops answering, is restarted (launcher/supervisor.ts). Ctrl-C stops all of it.
 */
const port = Number(process.env.PORT ?? 3000);
const appUrl = `http://127.0.0.1:${port}`;
const config = loadTemporalConfig();
const supervision = { log: (line: string) => console.log(line), onGiveUp: () => void stop(1) };
const temporal = await ensureTemporal(config, { supervision });
console.log(temporal.external ? `Using the Temporal server at ${temporal.address}` : `Started the Temporal dev server at ${temporal.address}`);

const storeConfig = storeConfigFromEnv();
const store = await openStore(storeConfig, { migrate: true });
await seedDefaults(store.em.fork());
const firstAdmin = await ensureFirstAdmin(store.em.fork());
// `npm start` is the development and demo mode: one person per role with a known password.
await seedDemoUsers(store.em.fork());
await store.close();

// A person at a terminal reads the processes' lines; anything else (a file, a pipe to a collector) gets JSON lines.
const logFormat = process.env.SLUICE_LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json');
const env = { ...process.env, TEMPORAL_ADDRESS: temporal.address, ...storeEnv(storeConfig), PORT: String(port), SLUICE_LOG_FORMAT: logFormat };
const processes: Supervised[] = [];
let stopping = false;

/** Starts a process under a supervisor that restarts it when it crashes; resolves once it prints `readyLine`. */
async function launch(name: string, entry: string, readyLine: string): Promise<void> {
  const start = () =>
    startChild({ command: process.execPath, args: [join(repoRoot, entry)], env, readyLine, log: (line) => console.log(line) });
  processes.push(await supervise({ name, start, ...supervision }));
}

async function stop(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping Sluice…');
  await Promise.all(processes.map((p) => p.stop()));
  await temporal.stop();
  console.log('Stopped.');
  process.exit(exitCode);
}
process.once('SIGINT', () => void stop(0));
process.once('SIGTERM', () => void stop(0));

await Promise.all([launch('The worker', 'worker/main.ts', 'polling the task queue'), launch('The API', 'api/main.ts', 'listening on http://')]).catch((error: unknown) => {
  console.error(`[launcher] Sluice did not start: ${(error as Error).message}`);
  return stop(1);
});
await seedDemo();

console.log(`
Sluice is running.
  App (orders, priority rules):  ${appUrl}
  API:                           ${appUrl}/orders
  Temporal UI:                   ${temporal.uiUrl ?? '(not available for this server)'}
  API reference:                 ${appUrl}/docs
  Store:                         ${describeStore(storeConfig)}

Sign in as (development only; one person per role):
${DEMO_USERS.map((u) => `  ${u.username.padEnd(10)} ${u.password.padEnd(24)} ${u.roles.map((r) => ROLE_LABELS[r]).join(', ')}`).join('\n')}${
  firstAdmin?.oneTimePassword ? `\n\n${firstAdminNotice(firstAdmin.username, firstAdmin.oneTimePassword)}` : ''
}
Press Ctrl-C to stop.`);

/** The first admin's one-time password is shown to a person at a terminal; output that may be kept (a file, a pipe) gets a file's path instead. */
function firstAdminNotice(username: string, oneTimePassword: string): string {
  if (process.stdout.isTTY) return `First admin: ${username} / ${oneTimePassword}\n  A one-time password, shown only now: choose a new one at the first sign-in.`;
  const file = firstAdminFile(storeConfig);
  saveOneTimePassword({ username, oneTimePassword }, file);
  return `First admin: ${username}, with a one-time password in ${file} (readable by you only): choose a new one at the first sign-in, then delete the file.`;
}

/**
 * Demo work areas and orders go in through the API, as an ops manager and a dispatcher would enter
 * them, and only into an empty store. The areas give the demo room to release: the default area takes
 * one order at a time, so without them the demo orders would fill it and every new order would wait.
 */
async function seedDemo(): Promise<void> {
  const dispatcher = await signIn(DEMO_USERS.find((u) => u.roles.includes('dispatcher'))!);
  const opsManager = await signIn(DEMO_USERS.find((u) => u.roles.includes('ops_manager'))!);
  if (!dispatcher || !opsManager) return;
  const { orders } = (await (await fetch(`${appUrl}/orders`, { headers: dispatcher })).json()) as { orders: unknown[] };
  if (orders.length > 0) return;
  for (const area of demoWorkAreas()) {
    const res = await fetch(`${appUrl}/work-areas`, { method: 'POST', headers: opsManager, body: JSON.stringify(area) });
    if (!res.ok && res.status !== 409) console.warn(`demo work area ${area.id} was refused: ${res.status} ${await res.text()}`);
  }
  for (const { key, order } of demoOrders()) {
    const res = await fetch(`${appUrl}/orders`, { method: 'POST', headers: { ...dispatcher, 'idempotency-key': key }, body: JSON.stringify(order) });
    if (!res.ok) console.warn(`demo order ${key} was refused: ${res.status} ${await res.text()}`);
  }
}

/** A session's headers for the demo person, or null (with a warning) if they could not sign in. */
async function signIn(person: { username: string; password: string }): Promise<Record<string, string> | null> {
  const login = await fetch(`${appUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: person.username, password: person.password }),
  });
  if (!login.ok) {
    console.warn(`could not sign in as ${person.username} to enter the demo data: ${login.status} ${await login.text()}`);
    return null;
  }
  return {
    'content-type': 'application/json',
    cookie: login.headers.get('set-cookie')!.split(';')[0]!,
    'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken,
  };
}
