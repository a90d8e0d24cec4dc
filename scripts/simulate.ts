import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { rulesetDefinition, type RulesetDefinition } from '../domain/ruleset.ts';
import { BacktestInputError } from '../sim/backtest-input-error.ts';
import { pairedDelta, runBacktest, type BacktestRequest } from '../sim/backtest.ts';
import { conwipPolicies, normedPolicies, WORKLOAD_CONTROL } from '../sim/job-shop/job-shop-policies.ts';
import type { KpiName } from '../sim/kpis.ts';
import type { PolicySpec } from '../sim/policy-spec.ts';
import { deltaTable, reportTable, type DeltaRow, type TableRow } from '../sim/report-table.ts';
import { SCENARIOS } from '../sim/scenarios/index.ts';

/**
 * `npm run simulate -- <scenario> [options]`: runs the policies on a scenario and prints the table
 * (policy × norm → KPIs with 95% intervals) on stdout, a progress bar on stderr at a terminal. See
 * docs/simulation.md.
 */
const USAGE = `Usage: npm run simulate -- <scenario> [options]

Scenarios: ${Object.keys(SCENARIOS).join(', ')}

Options:
  --norms 4,5,6        job shop: workload norms per centre (position-corrected hours); "none" for no norm
  --conwip 20,30       job shop: CONWIP limits (orders released and not completed)
  --dispatching fcfs   job shop: floor dispatching, fcfs or odd (operation due date)
  --load-leaves operation  job shop: a centre's load drops when its operation is done, or "order": when the whole order is
  --priority FILE      a draft priority ruleset (JSON) to compare, with --release FILE for its release rules
  --release FILE
  --replications 10    independent replications (95% intervals need at least 2)
  --seed 1             the random numbers; the same seed gives the same table
  --horizon H          hours simulated (default: the scenario's)
  --warm-up H          hours at the start left out of the figures (default: the scenario's)`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    norms: { type: 'string', default: '4,5,6,7,8' },
    conwip: { type: 'string', default: '20,30' },
    dispatching: { type: 'string', default: 'fcfs' },
    'load-leaves': { type: 'string', default: 'operation' },
    priority: { type: 'string' },
    release: { type: 'string' },
    replications: { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    horizon: { type: 'string' },
    'warm-up': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

const scenario = positionals[0];
if (values.help || !scenario) {
  console.log(USAGE);
  process.exit(scenario || values.help ? 0 : 1);
}

const number = (name: string, text: string) => {
  const n = Number(text);
  if (!Number.isFinite(n)) throw new BacktestInputError(`--${name} takes a number, not "${text}".`);
  return n;
};
const list = (name: string, text: string) => text.split(',').map((t) => (t.trim() === 'none' ? null : number(name, t.trim())));

// `./sluice` and npm run from the repository; a file named on the command line is relative to where it was typed.
function rulesetFile(file: string | undefined): RulesetDefinition | undefined {
  if (!file) return undefined;
  const parsed = rulesetDefinition.safeParse(JSON.parse(readFileSync(resolve(process.env.INIT_CWD ?? process.cwd(), file), 'utf8')));
  if (!parsed.success) throw new BacktestInputError(`${file} is not a ruleset: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

function progressBar(label: string) {
  if (!process.stderr.isTTY) return undefined;
  return (done: number, total: number) => {
    const width = 30;
    const filled = Math.round((width * done) / total);
    process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
  };
}

try {
  const base: Omit<BacktestRequest, 'policies' | 'params'> = {
    scenario,
    replications: number('replications', values.replications),
    seed: number('seed', values.seed),
    ...(values.horizon ? { horizon: number('horizon', values.horizon) } : {}),
    ...(values['warm-up'] ? { warmUp: number('warm-up', values['warm-up']) } : {}),
  };
  const [priority, release] = [rulesetFile(values.priority), rulesetFile(values.release)];
  const draft: PolicySpec | undefined = priority || release ? { label: 'Draft', kind: 'rules', rulesets: { priority, release } } : undefined;
  const rows: TableRow[] = [];
  const versusWorkloadControl: DeltaRow[] = [];
  const compared: KpiName[] = ['totalThroughputTime', 'percentTardy', 'meanTardiness', 'onTimeReleasePercent'];
  let run: { horizon: number; warmUp: number } | null = null;
  if (scenario === 'job-shop') {
    const dispatching = values.dispatching;
    const loadLeaves = values['load-leaves'];
    for (const norm of list('norms', values.norms)) {
      const result = runBacktest({ ...base, params: { norm, dispatching, loadLeaves }, policies: normedPolicies(draft) }, { onProgress: progressBar(`norm ${norm ?? 'none'}`), byReplication: true });
      run = result;
      rows.push(...result.policies.map((policy) => ({ policy, setting: String(norm ?? 'none') })));
      const at = result.policies.findIndex((p) => p.label === WORKLOAD_CONTROL.label);
      const baseline = result.policies[at]!.byReplication!;
      for (const policy of result.policies.slice(at + 1)) {
        const delta = Object.fromEntries(compared.map((n) => [n, pairedDelta(policy.byReplication![n], baseline[n])]));
        versusWorkloadControl.push({ label: policy.label, setting: String(norm ?? 'none'), delta });
      }
    }
    const limits = list('conwip', values.conwip).filter((n): n is number => n !== null);
    if (limits.length > 0) {
      const result = runBacktest({ ...base, params: { dispatching, loadLeaves }, policies: conwipPolicies(limits) }, { onProgress: progressBar('CONWIP') });
      rows.push(...result.policies.slice(1).map((policy) => ({ policy, setting: 'no norm' })));
    }
  } else {
    const result = runBacktest({ ...base, policies: normedPolicies(draft) }, { onProgress: progressBar(scenario) });
    run = result;
    rows.push(...result.policies.map((policy) => ({ policy, setting: '' })));
  }
  console.log(`${scenario}: ${base.replications} replications, seed ${base.seed}, horizon ${run?.horizon} h, warm-up ${run?.warmUp} h; mean ± 95% half width\n`);
  console.log(reportTable(rows, scenario === 'job-shop' ? 'Norm (h)' : 'Setting', 'immediate'));
  if (versusWorkloadControl.length > 0) {
    console.log(`\nPaired differences from "${WORKLOAD_CONTROL.label}" (the same replications):\n`);
    console.log(deltaTable(versusWorkloadControl, 'Norm (h)', compared));
  }
} catch (err) {
  if (!(err instanceof BacktestInputError)) throw err;
  console.error(err.message);
  process.exitCode = 1;
}
