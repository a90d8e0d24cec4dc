import type { DecisionPointId } from '../domain/decision-points.ts';
import type { RulesetDefinition } from '../domain/ruleset.ts';
import { compileRuleset } from '../rules/compile-ruleset.ts';
import { DEFAULT_RULESETS } from '../rules/defaults/index.ts';
import { priorityFacts } from '../rules/priority-facts.ts';
import { evaluateWithEngine, referenceEngine, referenceResults } from '../rules/reference-engine.ts';
import { compareRanked } from '../rules/release-cycle.ts';
import { between, KINDS, pick, pooledOrder, random, round1, type PooledOrder } from './generated-orders.ts';

/**
 * The rules suite: decisions per second of json-rules-engine and of the compiled evaluator over the
 * same generated orders, and the time to re-rank a pool of 100,000 orders. Targets: the compiled fast
 * path at least 50× json-rules-engine; the re-rank under one second.
 */

const ORDERS = 100_000;
const WARM_UP = 10_000;
const SEED = 20_261_121;
const NOW = Date.parse('2026-11-21T14:00:00Z');

type Facts = Record<string, unknown>;

const rng = random(SEED);

function releaseFacts(): Facts {
  const areaWipLimit = 4 + Math.floor(rng() * 8);
  return {
    kind: pick(rng, KINDS),
    slackHours: round1(between(rng, -12, 96)),
    priorityScore: Math.floor(between(rng, -10, 120)),
    areaStatus: pick(rng, ['open', 'open', 'open', 'open', 'paused', 'stopped']),
    areaWip: Math.floor(rng() * (areaWipLimit + 2)),
    areaWipLimit,
    areaQueueLength: Math.floor(rng() * 300),
    inShift: rng() < 0.85,
    hourOfDay: Math.floor(rng() * 24),
  };
}

interface Measure {
  evaluator: string;
  seconds: number;
}

async function timeAsync(evaluator: string, orders: readonly Facts[], decide: (facts: Facts) => Promise<unknown>): Promise<Measure> {
  for (let i = 0; i < WARM_UP; i++) await decide(orders[i]!);
  const start = performance.now();
  // One at a time, awaited, as the activity runs it.
  for (const facts of orders) await decide(facts);
  return { evaluator, seconds: (performance.now() - start) / 1000 };
}

function timeSync(evaluator: string, orders: readonly Facts[], decide: (facts: Facts) => unknown): Measure {
  for (let i = 0; i < WARM_UP; i++) decide(orders[i]!);
  const start = performance.now();
  for (const facts of orders) decide(facts);
  return { evaluator, seconds: (performance.now() - start) / 1000 };
}

/** Measures every evaluator on the same orders and prints the table; answers the rows the targets compare. */
async function measure(decisionPoint: DecisionPointId, definition: RulesetDefinition, orders: readonly Facts[]) {
  const engine = referenceEngine(definition);
  const compiled = compileRuleset(definition);
  const explained = await timeAsync('json-rules-engine, explained', orders, (facts) => evaluateWithEngine(definition, facts, engine));
  const results = await timeAsync('json-rules-engine, results only', orders, (facts) => referenceResults(engine, definition.rules.length, facts));
  const decide = timeSync('compiled, decide()', orders, compiled.decide);
  const measures = [
    explained,
    timeSync('compiled, explained', orders, compiled.evaluate),
    results,
    timeSync('compiled, results()', orders, compiled.results),
    decide,
  ];
  if (definition.hitPolicy === 'additive') measures.push(timeSync('compiled, score()', orders, compiled.score));

  console.log(`\n${decisionPoint}: "${definition.name}" (${definition.rules.length} rules, ${definition.hitPolicy}), ${orders.length.toLocaleString('en')} orders`);
  const columns = ['time', 'decisions/s', '× engine explained', '× engine results only'];
  console.log(`  ${'evaluator'.padEnd(34)}${columns.map((c) => c.padStart(c.length + 3)).join('')}`);
  for (const { evaluator, seconds } of measures) {
    const cells = [`${(seconds * 1000).toFixed(0)} ms`, Math.round(orders.length / seconds).toLocaleString('en'), `${(explained.seconds / seconds).toFixed(1)}×`, `${(results.seconds / seconds).toFixed(1)}×`];
    console.log(`  ${evaluator.padEnd(34)}${cells.map((cell, i) => cell.padStart(columns[i]!.length + 3)).join('')}`);
  }
  return { decisionPoint, ratio: explained.seconds / decide.seconds };
}

/** Recomputes every order's facts for now, scores them with the compiled fast path, and sorts the pool. */
function rerank(pool: readonly PooledOrder[], score: (facts: Facts) => number, now: Date) {
  const start = performance.now();
  const entries = pool.map((order) => ({ id: order.id, score: score(priorityFacts(order, now)), due: order.dueAt.getTime(), queued: order.queuedAt.getTime() }));
  const scored = performance.now();
  entries.sort(compareRanked);
  const sorted = performance.now();
  return { entries, scoreMs: scored - start, sortMs: sorted - scored, totalMs: sorted - start };
}

export async function run(): Promise<void> {
  console.log(`Rules benchmark: ${ORDERS.toLocaleString('en')} generated orders per ruleset (seed ${SEED}), ${WARM_UP.toLocaleString('en')} warm-up decisions before each measure, Node ${process.version}.`);
  const pool = Array.from({ length: ORDERS }, (_, i) => pooledOrder(rng, `o${i}`, NOW));
  const now = new Date(NOW);
  const priorityOrders = pool.map((order) => priorityFacts(order, now));
  const releaseOrders = Array.from({ length: ORDERS }, releaseFacts);

  const ratios = [await measure('priority', DEFAULT_RULESETS.priority, priorityOrders), await measure('release', DEFAULT_RULESETS.release, releaseOrders)];

  const priority = compileRuleset(DEFAULT_RULESETS.priority);
  rerank(pool, priority.score, now);
  const { entries, scoreMs, sortMs, totalMs } = rerank(pool, priority.score, new Date(NOW + 60_000));
  console.log(`\nPool re-rank of ${entries.length.toLocaleString('en')} orders (facts recomputed for now, compiled score(), sorted by score, due time, arrival):`);
  console.log(`  facts + score ${scoreMs.toFixed(0)} ms, sort ${sortMs.toFixed(0)} ms, total ${totalMs.toFixed(0)} ms; top: ${entries[0]!.id} (score ${entries[0]!.score})`);

  console.log('\nTargets:');
  for (const { decisionPoint, ratio } of ratios) console.log(`  ${decisionPoint}: compiled decide() ${ratio.toFixed(1)}× json-rules-engine (explained, as the activity runs it): ${ratio >= 50 ? 'met' : 'NOT met'} (≥ 50×)`);
  console.log(`  re-rank of ${entries.length.toLocaleString('en')} orders in ${totalMs.toFixed(0)} ms: ${totalMs < 1000 ? 'met' : 'NOT met'} (< 1 s)`);
}
