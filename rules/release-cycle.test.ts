import { describe, expect, it } from 'vitest';
import { compileRuleset } from './compile-ruleset.ts';
import { DEFAULT_RULESETS } from './defaults/index.ts';
import { planReleaseCycle, type CycleArea, type CycleRules, type PoolOrder } from './release-cycle.ts';

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
const open: CycleArea = { status: 'open', inShift: true, hourOfDay: 10, unit: 'orders', wipLimit: 2, used: 0 };
const defaults: CycleRules = { score: compileRuleset(DEFAULT_RULESETS.priority).score, decide: compileRuleset(DEFAULT_RULESETS.release).decide };
const none: CycleRules = { score: null, decide: null };
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

  it('gives each order its rank and score', () => {
    const plan = planReleaseCycle([order('low', { statedPriority: 'low' }), order('urgent', { statedPriority: 'urgent' })], { ...open, wipLimit: 1 }, defaults, now);
    expect(plan.released).toEqual([{ orderId: 'urgent', rank: 1, score: 10, weight: 1 }]);
    expect(plan.waited).toEqual([{ orderId: 'low', rank: 2, score: -10, reason: 'The work area is at its WIP limit.' }]);
  });
});
