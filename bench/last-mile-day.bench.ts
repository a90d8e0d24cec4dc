import { spawn } from 'node:child_process';
import { repoRoot } from '../launcher/repo-root.ts';

const DRIVERS = process.env.BENCH_DRIVERS ?? '40';
const ORDERS_PER_DRIVER = process.env.BENCH_ORDERS_PER_DRIVER ?? '50';

/**
 * `npm run bench -- last-mile-day`: the simulated last-mile day at full size (BENCH_DRIVERS 40 ×
 * BENCH_ORDERS_PER_DRIVER 50 = 2,000 orders) through the real stack. It runs the suite's own test
 * (api/last-mile/simulated-day.test.ts) at that size, so the figures come from the day the test checks
 * against the audit log: its line prints time per phase, orders/s and reports/s.
 */
export async function run(): Promise<void> {
  const child = spawn('npx', ['vitest', 'run', 'api/last-mile/simulated-day.test.ts'], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, SIMDAY_DRIVERS: DRIVERS, SIMDAY_ORDERS_PER_DRIVER: ORDERS_PER_DRIVER },
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`the simulated day failed (exit ${code})`);
}
