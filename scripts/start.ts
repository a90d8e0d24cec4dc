import { join } from 'node:path';
import { parseArgs } from 'node:util';
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
import { demoPeopleApi } from './demo/demo-api.ts';
import { createDemoSetting, seedDemo, storeIsEmpty } from './demo/seed-demo.ts';
import { RandomStreams } from '../sim/random-streams.ts';
import { runLiveDemo } from './demo/live-demo.ts';

/**
 * `npm start`: Temporal (a configured server, or the local dev server), the store with its defaults,
 * a worker and the API as child processes, and a few demo orders. A crashed worker or API, and a dev
 * server that dies or stops answering, is restarted (launcher/supervisor.ts). Ctrl-C stops all of it.
 */
const { values: flags } = parseArgs({ options: { 'live-demo': { type: 'boolean', default: false }, speed: { type: 'string', default: '60' }, arrivals: { type: 'string', default: '30' } } });
const speed = Number(flags.speed);
const arrivalsPerHour = Number(flags.arrivals);
if (!(speed > 0 && speed <= 3_600) || !(arrivalsPerHour > 0 && arrivalsPerHour <= 10_000)) {
  console.error('--speed is the operation\'s minutes per minute (above 0, at most 3600; 60 runs an hour a minute), --arrivals the orders arriving per hour of the operation (above 0, at most 10000).');
  process.exit(2);
}
/** The number of demo orders a fresh store is seeded with. */
const DEMO_ORDERS = 300;
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
/** The demo's work in the background (seeding, the live demo): stopped first on Ctrl-C, before the processes it talks to. */
const demoStop = new AbortController();
const demoWork: Promise<unknown>[] = [];

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
  demoStop.abort();
  await Promise.allSettled(demoWork);
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
const demoApi = demoPeopleApi(appUrl);
const demoNotice = await startDemo();

console.log(`
Sluice is running.
  App (orders, priority rules):  ${appUrl}
  API:                           ${appUrl}/orders
  Temporal UI:                   ${temporal.uiUrl ?? '(not available for this server)'}
  API reference:                 ${appUrl}/docs
  Store:                         ${describeStore(storeConfig)}
${demoNotice}

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
 * On an empty store, the demo operation is seeded through the API in the background once Sluice is ready:
 * its orders take a minute or two to move through their workflows, and nobody should wait for that to sign in.
 * With --live-demo, a simulated operation then keeps flowing through the system until Ctrl-C.
 */
async function startDemo(): Promise<string> {
  const fresh = await storeIsEmpty(demoApi);
  const began = Date.now();
  const seeding = fresh
    ? seedDemo(demoApi, { count: DEMO_ORDERS, random: new RandomStreams(20261206, 0).stream('demo-orders'), now: Date.now(), signal: demoStop.signal, log: (line) => console.log(line) }).then(
        () => !demoStop.signal.aborted && console.log(`[demo] Demo operation seeded: ${DEMO_ORDERS} orders across the lifecycle in ${Math.round((Date.now() - began) / 1000)} s.`),
        (error: unknown) => console.warn(`[demo] The demo operation was not fully seeded: ${(error as Error).message}`),
      )
    : Promise.resolve();
  demoWork.push(seeding);
  const lines = [
    fresh
      ? `  Demo data:                     seeding in the background: areas, drivers and ${DEMO_ORDERS} orders moving through the lifecycle (a minute or two)`
      : '  Demo data:                     none added (the store has orders already)',
  ];
  if (flags['live-demo']) {
    demoWork.push(seeding.then(liveDemo).catch((error: unknown) => console.warn(`[live demo] Stopped: ${(error as Error).message}`)));
    lines.push(`  Live demo:                     ${arrivalsPerHour} orders an hour arriving, people and drivers working them, at ${speed}× the clock${fresh ? ' (once seeded)' : ''}`);
  }
  return lines.join('\n');
}

/**
 * The simulated operation of --live-demo, with a seed of its own per start so each run differs. Its orders go
 * to the demo's areas, which it adds to a store that has data but not them (the flag asks for the demo).
 */
async function liveDemo(): Promise<void> {
  if (demoStop.signal.aborted) return;
  await createDemoSetting(demoApi);
  const seed = Date.now() % 1_000_000;
  const tally = await runLiveDemo(demoApi, { speed, arrivalsPerHour, streams: new RandomStreams(seed, 0), signal: demoStop.signal, log: (line) => console.log(line) });
  const actions = Object.values(tally.actions).reduce((sum, n) => sum + n, 0);
  console.log(`[live demo] Stopped after ${tally.arrived} orders arrived and ${actions} actions (seed ${seed}).`);
}
