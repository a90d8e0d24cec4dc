/**
 * `npm run bench -- <suite>`: runs one benchmark suite. Suites print figures measured in the same run,
 * so ratios hold on a noisy machine where absolute times do not.
 */
// The suites measure the system, not its access log: a line per request at `info` would also bury their figures.
process.env.SLUICE_LOG_LEVEL ??= 'warn';

interface Suite {
  about: string;
  load(): Promise<{ run(): Promise<void> }>;
}

const SUITES: Record<string, Suite> = {
  rules: {
    about: 'json-rules-engine against the compiled evaluator (priority, release), and a 100,000-order pool re-rank',
    load: () => import('./rules.bench.ts'),
  },
  lifecycle: {
    about: 'orders per second through the happy path on a dev server, against a bare workflow doing as much',
    load: () => import('./lifecycle.bench.ts'),
  },
  release: {
    about: 'release-cycle time over a 100,000-order pool against a rank-only cycle, and freed capacity to release (p50, p99) against a bare relay',
    load: () => import('./release.bench.ts'),
  },
  simulate: {
    about: "the job shop's 13,000 h × 10 replications under the workload-control ruleset against immediate release, and a 50,000-order last-mile day",
    load: () => import('./simulate.bench.ts'),
  },
  'orders-table': {
    about: 'a page of the orders table over 1,000,000 stored orders (BENCH_ORDERS): p50 and p95 of typical desk queries, first page and deep page by cursor',
    load: () => import('./orders-table.bench.ts'),
  },
  'app-first-page': {
    about: "the app's Orders view in Chromium, navigation to its first row, on the orders-table bench's store (BENCH_ORDERS) against the same page empty, cold and warm (`npm run build` first)",
    load: () => import('./app-first-page.bench.ts'),
  },
  'bulk-dry-run': {
    about: 'the dry run of a 10,000-order bulk job (ids or a filter, mixed states) against its 5 s target',
    load: () => import('./bulk-dry-run.bench.ts'),
  },
  import: {
    about: 'a 50,000-row CSV of orders (BENCH_IMPORT_ROWS) read, stored and dry-run, against the 10 s target for the validation report; `postgres` adds PostgreSQL',
    load: () => import('./import.bench.ts'),
  },
  sequencing: {
    about: "the stop sequencer on Solomon's VRPTW instances (gap to the best known vehicles and distance), and its time on 100 and 1,000 generated stops",
    load: () => import('./sequencing.bench.ts'),
  },
  'last-mile-day': {
    about: "the issue's simulated last-mile day, 2,000 orders and 40 drivers (BENCH_DRIVERS, BENCH_ORDERS_PER_DRIVER) through the real stack and checked against the audit log: time per phase, orders/s, reports/s",
    load: () => import('./last-mile-day.bench.ts'),
  },
  'live-events': {
    about: '200 browsers following GET /events: events/s, delivery latency (p50, p99) and store reads/s, against polling per browser',
    load: () => import('./live-events.bench.ts'),
  },
};

const name = process.argv[2];
if (name !== undefined && Object.hasOwn(SUITES, name)) {
  await (await SUITES[name]!.load()).run();
} else {
  if (name !== undefined) console.error(`Unknown benchmark suite "${name}".`);
  console.log('Usage: npm run bench -- <suite>\n\nSuites:');
  for (const [suite, { about }] of Object.entries(SUITES)) console.log(`  ${suite.padEnd(12)} ${about}`);
  process.exitCode = name === undefined ? 0 : 1;
}
