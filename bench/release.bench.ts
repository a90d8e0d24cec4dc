import { startThrowawayPostgres } from '../launcher/throwaway-postgres.ts';
import { percentile } from './percentile.ts';
import { measureCycleTimes, type CycleTimes } from './release-cycle-time.ts';
import { measureFreedToRelease } from './release-latency.ts';

const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
const ratio = (n: number) => `${n.toFixed(1)}×`;
const count = (n: number) => n.toLocaleString('en');

/**
 * `npm run bench -- release [--store postgres]`: release-cycle time over a large pool on SQLite (and on a
 * throwaway PostgreSQL beside it with `--store postgres`), and time from capacity freed
 * to the next release on a dev server, each beside a baseline measured in the same run. Targets: a cycle
 * of a 100,000-order pool within 1 s; p99 from freed capacity to release under 500 ms.
 */
export async function run(): Promise<void> {
  console.log(`Release benchmark, Node ${process.version}.`);

  const c = await measureCycleTimes();
  printCycleTimes('SQLite', c);
  const onPostgres = process.argv.includes('postgres') ? await cycleTimesOnPostgres() : null;
  if (onPostgres) printCycleTimes('PostgreSQL', onPostgres);

  const l = await measureFreedToRelease();
  const rows = [
    { label: 'bare relay (same hops, no work)', values: l.bare },
    { label: 'Sluice', values: l.sluice },
  ];
  console.log(`\nCapacity freed → next release on a local dev server: ${l.areas} areas at once, WIP limit ${l.wipLimit}, ${l.poolPerArea} orders each; the oldest order in process is completed once the previous completion's release arrived.`);
  console.log('From the completion\'s audit entry (slot freed) to the next order\'s RELEASE entry. Baseline: a bare relay over the same hops (activity, signal, activity, signal, activity).');
  console.log(`  ${'path'.padEnd(34)}${'samples'.padStart(8)}${'p50'.padStart(10)}${'p99'.padStart(10)}`);
  for (const { label, values } of rows) console.log(`  ${label.padEnd(34)}${String(values.length).padStart(8)}${ms(percentile(values, 50)).padStart(10)}${ms(percentile(values, 99)).padStart(10)}`);
  const [p50, p99] = [percentile(l.sluice, 50), percentile(l.sluice, 99)];
  console.log(`  ${'ratio Sluice / bare'.padEnd(42)}${ratio(p50 / percentile(l.bare, 50)).padStart(10)}${ratio(p99 / percentile(l.bare, 99)).padStart(10)}`);

  console.log('\nTargets:');
  console.log(`  a ${count(c.pool)}-order cycle in ${ms(c.deep.cycleMs)}: ${c.deep.cycleMs < 1000 ? 'met' : 'NOT met'} (< 1 s)`);
  if (onPostgres) console.log(`  on PostgreSQL, a ${count(onPostgres.pool)}-order cycle in ${ms(onPostgres.deep.cycleMs)}: ${onPostgres.deep.cycleMs < 1000 ? 'met' : 'NOT met'} (< 1 s)`);
  console.log(`  p99 from freed capacity to release ${ms(p99)}: ${p99 < 500 ? 'met' : 'NOT met'} (< 500 ms)`);
}

function printCycleTimes(store: string, c: CycleTimes): void {
  const perArea = Math.round(c.pool / c.areas);
  console.log(`\nRelease cycle on ${store} (the cycle activity: one transaction reads, plans, reserves, records), median of ${c.reps} after a warm-up.`);
  console.log('Baseline: a cycle that only ranks (the same pool read, sorted by the stored priority score; no rules, no writes).');
  console.log(`  ${'pool'.padEnd(44)}${'cycle'.padStart(10)}${'rank only'.padStart(12)}${'ratio'.padStart(8)}`);
  const row = (label: string, cycleMs: number, rankMs: number) => console.log(`  ${label.padEnd(44)}${ms(cycleMs).padStart(10)}${ms(rankMs).padStart(12)}${ratio(cycleMs / rankMs).padStart(8)}`);
  row(`${count(c.pool)} orders, ${c.areas} areas: one cycle each`, c.round.cycleMs, c.round.rankMs);
  row(`  per area (${count(perArea)} orders), mean`, c.round.cycleMs / c.areas, c.round.rankMs / c.areas);
  row(`${count(c.pool)} orders in one area: one cycle`, c.deep.cycleMs, c.deep.rankMs);
  console.log(`  the one area's first cycle, which writes every order's judgement (later ones write only what changed): ${ms(c.deep.firstMs)}`);
  const rest = c.deep.cycleMs - c.deep.readMs - c.deep.planMs;
  console.log(`  where the one-area cycle's time goes: read pool ${ms(c.deep.readMs)}, plan (facts, score, release rules, fit) ${ms(c.deep.planMs)}, the rest (capacity, rulesets, reservation, record, commit) ${ms(rest)}`);
}

async function cycleTimesOnPostgres(): Promise<CycleTimes> {
  const server = await startThrowawayPostgres();
  try {
    return await measureCycleTimes({ kind: 'postgres', url: `${server.serverUrl}/bench` });
  } finally {
    server.stop();
  }
}
