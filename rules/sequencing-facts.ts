import type { PriorityFacts } from './priority-facts.ts';
import type { Operation } from './release-cycle.ts';

const HOUR_MS = 3_600_000;
// Finer than slackHours' tenth: pools are sequenced by these, and a tenth of an hour would tie many orders.
const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The facts workload control sequences a pool by, from a routing (at least one operation, in routing
 * order): its length and hours, the planned release time — the due time minus every operation's planned
 * lead time (its area's planned lead time plus its own hours) — and the first operation's due time (the
 * due time minus the planned lead times of the operations after it), each also as hours of slack from now.
 * Set on `facts` in place: a release cycle computes them for every order of its pool.
 */
export function addSequencingFacts(facts: PriorityFacts, dueMs: number, operations: readonly Pick<Operation, 'hours' | 'plannedLeadTimeHours'>[], nowMs: number): void {
  let hours = 0;
  let leadTime = 0;
  let afterFirst = 0;
  for (let i = 0; i < operations.length; i++) {
    const op = operations[i]!;
    const planned = (op.plannedLeadTimeHours ?? 0) + op.hours;
    hours += op.hours;
    leadTime += planned;
    if (i > 0) afterFirst += planned;
  }
  const releaseMs = dueMs - leadTime * HOUR_MS;
  const firstDueMs = dueMs - afterFirst * HOUR_MS;
  facts.routingLength = operations.length;
  facts.routingHours = round2(hours);
  facts.plannedReleaseAt = new Date(releaseMs).toISOString();
  facts.plannedReleaseSlackHours = round2((releaseMs - nowMs) / HOUR_MS);
  facts.firstOperationDueAt = new Date(firstDueMs).toISOString();
  facts.firstOperationSlackHours = round2((firstDueMs - nowMs) / HOUR_MS);
}
