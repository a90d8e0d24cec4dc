import { describe, expect, it } from 'vitest';
import { compileRuleset } from './compile-ruleset.ts';
import { rulesetDefinition } from '../domain/ruleset.ts';
import { DEFAULT_RULESETS } from './defaults/index.ts';
import { cycleRules, planReleaseCycle, withHeldBack, type CycleArea, type CycleRules, type PoolOrder } from './release-cycle.ts';

const now = new Date('2026-11-21T10:00:00Z');
const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);
const order = (id: string, o: Partial<PoolOrder> = {}): PoolOrder => ({
  id,
  kind: 'pick',
  statedPriority: 'normal',
  dueAt: hours(30),
  createdAt: hours(-1),
  queuedAt: hours(-1),
  lines: [{ qty: 1, price: 10 }],
  units: 1,
  ...o,
});
const open: CycleArea = { id: 'pick-a', zone: null, status: 'open', inShift: true, hourOfDay: 10, unit: 'orders', wipLimit: 2, used: 0 };
const defaults = cycleRules(compileRuleset(DEFAULT_RULESETS.priority), compileRuleset(DEFAULT_RULESETS.release));
const none = cycleRules(null, null);
const summary = (plan: ReturnType<typeof planReleaseCycle>) => ({
  released: plan.released.map((r) => r.orderId),
  escalated: plan.escalated.map((r) => r.orderId),
  waited: plan.waited.map((r) => `${r.orderId}: ${r.reason}`),
  usedAfter: plan.usedAfter,
});

describe('a release cycle', () => {
  it.each([
    {
      name: 'ranks by score, then due time, then arrival, and releases what fits',
      pool: [order('later'), order('urgent', { statedPriority: 'urgent' }), order('due-sooner', { dueAt: hours(20) }), order('arrived-first', { queuedAt: hours(-2) })],
      area: open,
      rules: defaults,
      expected: { released: ['urgent', 'due-sooner'], escalated: [], waited: ['arrived-first: The work area is at its WIP limit.', 'later: The work area is at its WIP limit.'], usedAfter: 2 },
    },
    {
      name: 'counts the work already in process',
      pool: [order('a'), order('b')],
      area: { ...open, used: 1 },
      rules: defaults,
      expected: { released: ['a'], escalated: [], waited: ['b: The work area is at its WIP limit.'], usedAfter: 2 },
    },
    {
      name: 'releases nothing in a paused area, even without release rules',
      pool: [order('a')],
      area: { ...open, status: 'paused' as const },
      rules: none,
      expected: { released: [], escalated: [], waited: ['a: The work area is paused.'], usedAfter: 0 },
    },
    {
      name: 'releases nothing outside the shift',
      pool: [order('a')],
      area: { ...open, inShift: false },
      rules: none,
      expected: { released: [], escalated: [], waited: ['a: The work area is outside its shift hours.'], usedAfter: 0 },
    },
    {
      name: 'escalates what the release rules escalate (overdue in a stopped area) and keeps the rest waiting',
      pool: [order('overdue', { dueAt: hours(-1) }), order('fine')],
      area: { ...open, status: 'stopped' as const },
      rules: defaults,
      expected: { released: [], escalated: ['overdue'], waited: ['fine: The work area is stopped.'], usedAfter: 0 },
    },
    {
      name: 'does not escalate again an order escalated while it waited: its escalation keeps its owner, reason and deadline',
      pool: [order('overdue', { dueAt: hours(-1), escalated: true }), order('fine')],
      area: { ...open, status: 'stopped' as const },
      rules: defaults,
      expected: { released: [], escalated: [], waited: ['overdue: Escalated already: waits for a person.', 'fine: The work area is stopped.'], usedAfter: 0 },
    },
    {
      name: 'holds the limit without an "area full" rule',
      pool: [order('a'), order('b'), order('c')],
      area: open,
      rules: none,
      expected: { released: ['a', 'b'], escalated: [], waited: ['c: The work area is at its WIP limit.'], usedAfter: 2 },
    },
    {
      name: 'keeps rank strict in units: a heavy order is not overtaken by lighter ones behind it',
      pool: [order('heavy', { units: 5, statedPriority: 'urgent' }), order('light', { units: 1 })],
      area: { ...open, unit: 'units' as const, wipLimit: 6, used: 3 },
      rules: none,
      expected: { released: [], escalated: [], waited: ['heavy: Needs 5 units; 3 free.', 'light: Ranked behind heavy, which does not fit yet.'], usedAfter: 3 },
    },
    {
      name: 'lets an order heavier than the whole limit go into an empty area',
      pool: [order('huge', { units: 9 }), order('small', { units: 1 })],
      area: { ...open, unit: 'units' as const, wipLimit: 6 },
      rules: none,
      expected: { released: ['huge'], escalated: [], waited: ['small: The work area is at its WIP limit.'], usedAfter: 9 },
    },
    {
      name: 'lets the rules hold an order back without blocking the ones behind it',
      pool: [order('evening', { kind: 'delivery', statedPriority: 'urgent', dueAt: hours(30) }), order('pick')],
      area: { ...open, hourOfDay: 19 },
      rules: defaults,
      expected: { released: ['pick'], escalated: [], waited: ['evening: Delivery due tomorrow or later: released in the morning.'], usedAfter: 1 },
    },
  ])('$name', ({ pool, area, rules, expected }) => {
    expect(summary(planReleaseCycle(pool, area, rules, now))).toEqual(expected);
  });

  describe('workload norms along a routing', () => {
    // Orders queued at g; their routings pass d, which holds 5 of its 10 hours already.
    const routed = (id: string, atD: number, o: Partial<PoolOrder> = {}) =>
      order(id, { kind: 'production', operations: [{ workAreaId: 'g', hours: 2, position: 1 }, { workAreaId: 'd', hours: atD, position: 2 }], ...o });
    const withNorm = (correction: 'plain' | 'position', loadHours = 5, extra: Partial<CycleArea> = {}): CycleArea => ({
      ...open,
      wipLimit: 5,
      norms: new Map([['d', { normHours: 10, correction, loadHours }]]),
      ...extra,
    });

    it.each([
      {
        name: 'an order that would take a downstream area past its norm waits; the next one is considered',
        pool: [routed('big', 8, { statedPriority: 'urgent' }), routed('small', 2)],
        area: withNorm('plain'),
        expected: { released: ['small'], waited: ["big: Would bring d's load to 13.0 h; its workload norm is 10 h."], loadsAfter: { d: 7 } },
      },
      {
        name: 'corrected by position, the second operation counts half',
        pool: [routed('big', 8, { statedPriority: 'urgent' }), routed('small', 2)],
        area: withNorm('position'),
        expected: { released: ['big', 'small'], waited: [], loadsAfter: { d: 10 } },
      },
      {
        name: 'an area holding no load takes an order bigger than its norm',
        pool: [routed('huge', 30)],
        area: withNorm('plain', 0),
        expected: { released: ['huge'], waited: [], loadsAfter: { d: 30 } },
      },
      {
        name: 'orders without a routing carry no hours',
        pool: [order('plain-pick')],
        area: withNorm('plain', 10),
        expected: { released: ['plain-pick'], waited: [], loadsAfter: { d: 10 } },
      },
    ])('$name', ({ pool, area, expected }) => {
      const plan = planReleaseCycle(pool, area, none, now);
      expect({ released: plan.released.map((r) => r.orderId), waited: plan.waited.map((r) => `${r.orderId}: ${r.reason}`), loadsAfter: plan.loadsAfter }).toEqual(expected);
    });

    it('an order held back after planning (short of stock) waits with its reason and gives back its capacity and load', () => {
      const area = withNorm('position');
      const plan = planReleaseCycle([routed('big', 8, { statedPriority: 'urgent' }), routed('small', 2), order('later')], area, none, now);
      expect(summary(plan)).toMatchObject({ released: ['big', 'later', 'small'], usedAfter: 3 });
      const held = withHeldBack(plan, new Map([['big', 'Short of stock at release (A): waits for a receipt.']]), area.norms);
      expect(summary(held)).toEqual({ released: ['later', 'small'], escalated: [], waited: ['big: Short of stock at release (A): waits for a receipt.'], usedAfter: 2 });
      expect(held.usedAfterByGateway).toEqual({ 'pick-a': 2 });
      expect(held.loadsAfter).toEqual({ d: 6 });
      expect(withHeldBack(plan, new Map(), area.norms)).toBe(plan);
    });

    it('starvation release: an area with nothing in process takes the best order only its norms hold back', () => {
      const pool = [routed('first', 8, { statedPriority: 'urgent' }), routed('second', 9)];
      expect(planReleaseCycle(pool, withNorm('plain', 9), none, now).released).toEqual([]);
      const starved = planReleaseCycle(pool, withNorm('plain', 9, { starvationRelease: true }), none, now);
      expect(starved.released).toEqual([{ orderId: 'first', rank: 1, score: 0, gatewayId: 'pick-a', weight: 1, starved: true }]);
      expect(starved.waited.map((w) => w.orderId)).toEqual(['second']);
      // Work in process in the area itself: it is not starving.
      expect(planReleaseCycle(pool, withNorm('plain', 9, { starvationRelease: true, used: 1 }), none, now).released).toEqual([]);
    });
  });

  it("lets the release rules choose among an order's candidate areas by the area's facts", () => {
    const ownZoneFirst = compileRuleset(
      rulesetDefinition.parse({
        decisionPoint: 'release',
        name: 'Own zone first',
        hitPolicy: 'first',
        rules: [
          {
            name: 'Another zone',
            description: 'An area of another zone leaves the order to the areas of its own.',
            priority: 1,
            conditions: { all: [{ fact: 'areaZone', operator: 'notEqual', value: { fact: 'zone' } }] },
            event: { type: 'wait', params: { reason: 'Left to an area of its own zone.' } },
          },
        ],
      }),
    );
    const rules = cycleRules(null, ownZoneFirst);
    const pool = [order('north-order', { zone: 'north' })];
    expect(summary(planReleaseCycle(pool, { ...open, id: 'south-1', zone: 'south' }, rules, now)).waited).toEqual(['north-order: Left to an area of its own zone.']);
    expect(summary(planReleaseCycle(pool, { ...open, id: 'north-1', zone: 'north' }, rules, now)).released).toEqual(['north-order']);
    // An area serving every zone has no areaZone: the rule's condition is on a missing fact, so false.
    expect(summary(planReleaseCycle(pool, open, rules, now)).released).toEqual(['north-order']);
  });

  it('gives each order its rank and score', () => {
    const plan = planReleaseCycle([order('low', { statedPriority: 'low' }), order('urgent', { statedPriority: 'urgent' })], { ...open, wipLimit: 1 }, defaults, now);
    expect(plan.released).toEqual([{ orderId: 'urgent', rank: 1, score: 10, gatewayId: 'pick-a', weight: 1 }]);
    expect(plan.waited).toEqual([{ orderId: 'low', rank: 2, score: -10, reason: 'The work area is at its WIP limit.' }]);
  });
});

describe('a release cycle with a rank-by priority ruleset', () => {
  const urgentFive = {
    name: 'Urgent',
    description: 'Stated urgent.',
    priority: 1,
    conditions: { all: [{ fact: 'statedPriority', operator: 'equal', value: 'urgent' }] },
    event: { type: 'score', params: { points: 5 } },
  };
  const rankedBy = (rankBy: Record<string, string>) =>
    cycleRules(compileRuleset(rulesetDefinition.parse({ decisionPoint: 'priority', name: 'Sequencing', hitPolicy: 'additive', rankBy, rules: [urgentFive] })), null);
  // Released by due time less the routing's hours (no planned lead times): a planned release `release` hours from now.
  const routed = (id: string, release: number, hoursOfWork: number, o: Partial<PoolOrder> = {}) =>
    order(id, { kind: 'production', dueAt: hours(release + hoursOfWork), operations: [{ workAreaId: 'g', hours: hoursOfWork, position: 1 }], ...o });
  const ranking = (rules: CycleRules, pool: PoolOrder[]) => planReleaseCycle(pool, { ...open, wipLimit: 10 }, rules, now).ranking.map((r) => r.order.id);

  it.each([
    {
      name: 'planned release time, earliest first, points breaking ties; an order without a routing last',
      rankBy: { expression: 'plannedReleaseAt', direction: 'ascending', points: 'tie_breaker' },
      pool: [order('no-routing', { statedPriority: 'urgent', dueAt: hours(1) }), routed('later', 10, 2), routed('soon', 2, 1), routed('soon-urgent', 2, 1, { statedPriority: 'urgent' })],
      expected: ['soon-urgent', 'soon', 'later', 'no-routing'],
    },
    {
      name: 'slack adjusted by points, one point an hour',
      rankBy: { expression: 'plannedReleaseSlackHours', direction: 'ascending', points: 'adjustment' },
      pool: [routed('slack-3', 3, 1), routed('slack-6-urgent', 6, 1, { statedPriority: 'urgent' }), routed('slack-9-urgent', 9, 1, { statedPriority: 'urgent' })],
      expected: ['slack-6-urgent', 'slack-3', 'slack-9-urgent'],
    },
    {
      name: 'an expression, highest first',
      rankBy: { expression: 'routingHours - plannedReleaseSlackHours / 2', direction: 'descending', points: 'tie_breaker' },
      pool: [routed('short', 4, 1), routed('long', 4, 8), routed('long-but-late', 20, 8)],
      expected: ['long', 'short', 'long-but-late'],
    },
    {
      name: 'without a value, the points then due time rank the rest',
      rankBy: { expression: 'routingLength', direction: 'descending', points: 'tie_breaker' },
      pool: [order('due-later', { dueAt: hours(40) }), order('due-sooner', { dueAt: hours(20) }), order('urgent', { statedPriority: 'urgent', dueAt: hours(50) })],
      expected: ['urgent', 'due-sooner', 'due-later'],
    },
  ])('ranks by $name', ({ rankBy, pool, expected }) => {
    expect(ranking(rankedBy(rankBy), pool)).toEqual(expected);
  });
});
