import { join } from 'node:path';
import { planViolations } from '../domain/sequencing/plan-violations.ts';
import type { SequencingProblem } from '../domain/sequencing/sequencing-problem.ts';
import { solveSequencing } from '../domain/sequencing/solve.ts';
import { randomSequencingProblem } from '../test/random-sequencing-problem.ts';
import { readSolomon } from './solomon-instance.ts';

/**
 * The sequencing suite: the solver on Solomon's 100-customer VRPTW instances against the best known
 * solutions (vehicles first, then distance, as the benchmark ranks them), and its time on a generated
 * last-mile day of 100 and of 1,000 stops (windows, capacities, shifts, 20 % pickup → drop-off pairs).
 * Every plan is run through the independent checker first: a figure for an infeasible plan means nothing.
 */

/**
 * Best known solutions, as listed by SINTEF's TOP group ("Solomon benchmark", VRPTW 100 customers,
 * https://www.sintef.no/projectweb/top/vrptw/solomon-benchmark/100-customers/): C101 and C201 Rochat &
 * Taillard (1995); R101 Homberger (2000); RC101 Taillard et al. (1997); R201 Homberger & Gehring (1999);
 * RC201 Mester (2002). Transcribed for this bench, which has no network to check them against.
 */
const BEST_KNOWN: Record<string, { vehicles: number; distance: number }> = {
  C101: { vehicles: 10, distance: 828.94 },
  R101: { vehicles: 19, distance: 1650.8 },
  RC101: { vehicles: 14, distance: 1696.95 },
  C201: { vehicles: 3, distance: 591.56 },
  R201: { vehicles: 4, distance: 1252.37 },
  RC201: { vehicles: 4, distance: 1406.94 },
};

const ROUNDS = Number(process.env.BENCH_SEQUENCING_ROUNDS ?? 300);
const SEED = 1;

function solveChecked(problem: SequencingProblem, iterations: number) {
  const started = performance.now();
  const plan = solveSequencing(problem, { seed: SEED, iterations });
  const ms = performance.now() - started;
  const violations = planViolations(problem, plan);
  if (violations.length > 0) throw new Error(`The solver returned an infeasible plan:\n${violations.join('\n')}`);
  return { plan, ms };
}

const pct = (value: number, best: number) => `${(Math.round(((value - best) / best) * 10_000) / 100 || 0).toFixed(2)} %`;

export async function run(): Promise<void> {
  console.log(`Solomon VRPTW, 100 customers, seed ${SEED}, ${ROUNDS} ruin-and-recreate rounds (BENCH_SEQUENCING_ROUNDS)\n`);
  console.log('instance  vehicles  best  distance   best      gap       time');
  for (const name of Object.keys(BEST_KNOWN)) {
    const best = BEST_KNOWN[name]!;
    const { plan, ms } = solveChecked(readSolomon(join(import.meta.dirname, 'data', 'solomon', `${name}.txt`)), ROUNDS);
    // With more vehicles than the best known, a shorter distance is no win: the benchmark ranks vehicles first.
    const note = `${plan.vehiclesUsed > best.vehicles ? '  (more vehicles)' : ''}${plan.unplanned.length > 0 ? `  (${plan.unplanned.length} unplanned)` : ''}`;
    console.log(
      `${name.padEnd(9)} ${String(plan.vehiclesUsed).padStart(8)} ${String(best.vehicles).padStart(5)}  ${plan.totalDistance.toFixed(2).padStart(8)}  ${best.distance.toFixed(2).padStart(8)}  ${pct(plan.totalDistance, best.distance).padStart(8)}  ${(ms / 1000).toFixed(2).padStart(6)} s${note}`,
    );
    await Promise.resolve();
  }
  console.log('\nGenerated last-mile day (windows, capacities, shifts, 20 % pairs): first plan, and with rounds');
  console.log('stops  vehicles  first plan   with rounds  rounds  unplanned  used');
  for (const [stops, vehicles, rounds] of [[100, 10, ROUNDS], [1000, 100, Math.round(ROUNDS / 10)]] as const) {
    const problem = randomSequencingProblem(SEED, { stops, vehicles, pairShare: 0.2 });
    const first = solveChecked(problem, 0);
    const full = solveChecked(problem, rounds);
    console.log(
      `${String(stops).padStart(5)} ${String(vehicles).padStart(9)} ${(first.ms / 1000).toFixed(2).padStart(9)} s ${(full.ms / 1000).toFixed(2).padStart(11)} s ${String(rounds).padStart(7)} ${String(full.plan.unplanned.length).padStart(10)} ${String(full.plan.vehiclesUsed).padStart(5)}`,
    );
  }
}
