import { describe, expect, it } from 'vitest';
import { priorityFacts, type PriorityFactsInput } from './priority-facts.ts';

// Pure code: the clock is injected, and every instant is built from it.
const now = new Date(Date.UTC(2030, 0, 7, 8));
const at = (h: number) => new Date(now.getTime() + h * 3_600_000).toISOString();
const order = (o: Partial<PriorityFactsInput>): PriorityFactsInput => ({
  kind: 'production',
  statedPriority: 'normal',
  dueAt: new Date(at(48)),
  createdAt: new Date(at(-3)),
  lines: [{ qty: 1, price: 10 }],
  ...o,
});
const op = (position: number, hours: number, plannedLeadTimeHours?: number) => ({ workAreaId: `wc-${position}`, position, hours, ...(plannedLeadTimeHours === undefined ? {} : { plannedLeadTimeHours }) });
const SEQUENCING = ['routingLength', 'routingHours', 'plannedReleaseAt', 'plannedReleaseSlackHours', 'firstOperationDueAt', 'firstOperationSlackHours', 'poolMinutes'] as const;
const sequencing = (input: PriorityFactsInput) => {
  const facts = priorityFacts(input, now);
  return Object.fromEntries(SEQUENCING.filter((name) => name in facts).map((name) => [name, facts[name]]));
};

describe('sequencing facts', () => {
  it.each([
    {
      case: 'a routing: release by the due time less every operation’s lead time and hours; the first operation is due before the lead times after it',
      input: order({ operations: [op(1, 2, 4), op(2, 1.5, 6), op(3, 0.5, 8)], queuedAt: new Date(at(-0.5)) }),
      // Lead times 6 + 7.5 + 8.5 = 22 h: release at +26 h; after the first: 16 h, so the first operation is due at +32 h.
      expected: { routingLength: 3, routingHours: 4, plannedReleaseAt: at(26), plannedReleaseSlackHours: 26, firstOperationDueAt: at(32), firstOperationSlackHours: 32, poolMinutes: 30 },
    },
    {
      case: 'areas without a planned lead time count their operations’ hours alone',
      input: order({ operations: [op(1, 3), op(2, 5)] }),
      expected: { routingLength: 2, routingHours: 8, plannedReleaseAt: at(40), plannedReleaseSlackHours: 40, firstOperationDueAt: at(43), firstOperationSlackHours: 43 },
    },
    {
      case: 'an order late for release has negative slack, to the hundredth of an hour',
      input: order({ dueAt: new Date(at(5)), operations: [op(1, 2, 4), op(2, 1 / 3, 1)] }),
      expected: { routingLength: 2, routingHours: 2.33, plannedReleaseAt: new Date(now.getTime() + (5 - 6 - 4 / 3) * 3_600_000).toISOString(), plannedReleaseSlackHours: -2.33, firstOperationDueAt: new Date(now.getTime() + (5 - 4 / 3) * 3_600_000).toISOString(), firstOperationSlackHours: 3.67 },
    },
    { case: 'no routing: the routing facts are missing, not zero', input: order({ queuedAt: new Date(at(-2)) }), expected: { poolMinutes: 120 } },
    { case: 'an empty routing is no routing', input: order({ operations: [] }), expected: {} },
    { case: 'not queued yet: no time in pool', input: order({ queuedAt: null }), expected: {} },
  ])('$case', ({ input, expected }) => {
    expect(sequencing(input)).toStrictEqual(expected);
  });
});
