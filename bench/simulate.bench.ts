import { BacktestInputError } from '../sim/backtest-input-error.ts';
import { runBacktest, type BacktestRequest } from '../sim/backtest.ts';
import { IMMEDIATE, WORKLOAD_CONTROL } from '../sim/job-shop/job-shop-policies.ts';
import type { PolicySpec } from '../sim/policy-spec.ts';
import { SCENARIOS } from '../sim/scenarios/index.ts';

/**
 * The simulate suite: the job shop's 13,000 hours × 10 replications under the workload-control ruleset
 * (periodic release cycles and starvation triggers through planGroupReleaseCycle), against the same
 * replications under immediate release, which runs no release cycle: the difference is what the cycles
 * cost. Then a last-mile day of 50,000 orders, when that scenario is registered. Targets: < 60 s and < 10 s.
 */

const SEED = 20_261_206;
const REPLICATIONS = 10;
const LAST_MILE_DAY = 'last-mile-day';
/** The last-mile day's size, as its scenario's parameters name it. */
const LAST_MILE_PARAMS = { orders: 50_000 };

function timed(request: BacktestRequest) {
  const start = performance.now();
  const result = runBacktest(request);
  return { seconds: (performance.now() - start) / 1000, result };
}

function line(label: string, seconds: number, baseline: number) {
  console.log(`  ${label.padEnd(52)}${`${seconds.toFixed(2)} s`.padStart(10)}${`${(seconds / baseline).toFixed(1)}× baseline`.padStart(16)}`);
}

export async function run(): Promise<void> {
  const rules = WORKLOAD_CONTROL;
  const jobShop = (policy: PolicySpec) => timed({ scenario: 'job-shop', params: { norm: 5 }, policies: [policy], replications: REPLICATIONS, seed: SEED, horizon: 13_000, warmUp: 3_000 });
  console.log(`Simulate benchmark: seed ${SEED}, Node ${process.version}.`);
  console.log(`\nJob shop, 13,000 h × ${REPLICATIONS} replications, norm 5:`);
  jobShop(IMMEDIATE);
  const baseline = jobShop(IMMEDIATE);
  const measured = jobShop(rules);
  line('immediate release (baseline: no release cycle)', baseline.seconds, baseline.seconds);
  line(`"${rules.label}" (periodic + starvation cycles)`, measured.seconds, baseline.seconds);
  const orders = measured.result.policies[0]!.kpis.throughputRate.mean * 13_000 * REPLICATIONS;
  console.log(`  about ${Math.round(orders).toLocaleString('en')} orders simulated under the ruleset`);

  const targets = [`  job shop 13,000 h × ${REPLICATIONS} in ${measured.seconds.toFixed(1)} s: ${measured.seconds < 60 ? 'met' : 'NOT met'} (< 60 s)`];
  if (SCENARIOS[LAST_MILE_DAY]) {
    const day = (policy: PolicySpec) => timed({ scenario: LAST_MILE_DAY, params: LAST_MILE_PARAMS, policies: [policy], replications: 1, seed: SEED });
    try {
      console.log(`\nLast-mile day of ${LAST_MILE_PARAMS.orders.toLocaleString('en')} orders, one replication:`);
      const dayBaseline = day(IMMEDIATE);
      const dayRules = day(rules);
      line('immediate release (baseline)', dayBaseline.seconds, dayBaseline.seconds);
      line(`"${rules.label}"`, dayRules.seconds, dayBaseline.seconds);
      targets.push(`  last-mile day of ${LAST_MILE_PARAMS.orders.toLocaleString('en')} orders in ${dayRules.seconds.toFixed(1)} s: ${dayRules.seconds < 10 ? 'met' : 'NOT met'} (< 10 s)`);
    } catch (err) {
      if (!(err instanceof BacktestInputError)) throw err;
      targets.push(`  last-mile day: not measured, its scenario refused ${JSON.stringify(LAST_MILE_PARAMS)}: ${err.message}`);
    }
  } else targets.push(`  last-mile day: not measured, no "${LAST_MILE_DAY}" scenario is registered`);
  console.log('\nTargets:');
  for (const target of targets) console.log(target);
}
