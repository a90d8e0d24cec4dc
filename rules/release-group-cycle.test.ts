import { describe, expect, it } from 'vitest';
import { compileRuleset } from './compile-ruleset.ts';
import { DEFAULT_RULESETS } from './defaults/index.ts';
import { cycleRules, planGroupReleaseCycle, planReleaseCycle, type CycleArea, type CycleOptions, type CycleRules, type NormedArea, type PoolOrder } from './release-cycle.ts';

const now = new Date(Date.UTC(2026, 10, 21, 10));
const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);
// Orders enter by gateway a or b; a routing passes the shared downstream area d, which holds 5 of its 10 hours.
const order = (id: string, o: Partial<PoolOrder> = {}): PoolOrder => ({
  id,
  kind: 'production',
  statedPriority: 'normal',
  dueAt: hours(30),
  createdAt: hours(-1),
  queuedAt: hours(-1),
  lines: [{ qty: 1, price: 10 }],
  units: 1,
  ...o,
});
const via = (gatewayId: string, id: string, atD: number, o: Partial<PoolOrder> = {}) =>
  order(id, { gatewayId, operations: [{ workAreaId: gatewayId, hours: 2, position: 1 }, { workAreaId: 'd', hours: atD, position: 2 }], ...o });
const gateway = (id: string, o: Partial<CycleArea> = {}): CycleArea => ({ id, zone: null, status: 'open', inShift: true, hourOfDay: 10, unit: 'orders', wipLimit: 2, used: 0, ...o });
const norms = (loadHours = 5): ReadonlyMap<string, NormedArea> => new Map([['d', { normHours: 10, correction: 'plain', loadHours }]]);
const none: CycleRules = { score: null, rank: null, decide: null };
const defaults: CycleRules = cycleRules(compileRuleset(DEFAULT_RULESETS.priority), compileRuleset(DEFAULT_RULESETS.release));
const outcome = (plan: ReturnType<typeof planGroupReleaseCycle>) => ({
  released: plan.released.map((r) => `${r.orderId}@${r.gatewayId}${r.starved ? ' (starved)' : ''}`),
  waited: plan.waited.map((r) => `${r.orderId}: ${r.reason}`),
  usedAfterByGateway: plan.usedAfterByGateway,
});

describe('optional WIP limits', () => {
  it.each([
    {
      name: 'an area without a limit or a norm releases everything its rules let go, and still counts what it holds',
      pool: [order('a'), order('b'), order('c')],
      area: gateway('a', { wipLimit: null, used: 4 }),
      expected: { released: ['a@a', 'b@a', 'c@a'], waited: [], usedAfterByGateway: { a: 7 } },
    },
    {
      name: 'an area without a limit is governed by its norms alone',
      pool: [via('a', 'big', 6, { statedPriority: 'urgent' }), via('a', 'small', 4), via('a', 'last', 1)],
      area: gateway('a', { wipLimit: null, used: 9, norms: norms() }),
      expected: { released: ['last@a', 'small@a'], waited: ["big: Would bring d's load to 11.0 h; its workload norm is 10 h."], usedAfterByGateway: { a: 11 } },
    },
  ])('$name', ({ pool, area, expected }) => {
    expect(outcome(planReleaseCycle(pool, area, defaults, now))).toEqual(expected);
  });

  it('offers no areaWipLimit fact when the area has no limit, so the default "Area full" rule does not hold everything back', () => {
    const plan = planReleaseCycle([order('a')], gateway('a', { wipLimit: null, used: 50 }), defaults, now);
    expect(plan.ranking[0]!.releaseFacts).toMatchObject({ areaWip: 50, areaWipLimit: undefined });
    expect(plan.released.map((r) => r.orderId)).toEqual(['a']);
  });
});

describe('a release group', () => {
  const group = [gateway('a'), gateway('b')];
  it.each<{ name: string; pool: PoolOrder[]; gateways: CycleArea[]; options?: CycleOptions; expected: ReturnType<typeof outcome> }>([
    {
      name: 'ranks one pool across its gateways: the best order goes first whichever gateway it enters by',
      pool: [via('a', 'a-later', 4), via('b', 'b-urgent', 4, { statedPriority: 'urgent' })],
      gateways: group,
      options: { norms: norms() },
      expected: { released: ['b-urgent@b'], waited: ["a-later: Would bring d's load to 13.0 h; its workload norm is 10 h."], usedAfterByGateway: { a: 0, b: 1 } },
    },
    {
      name: 'keeps each gateway to its own WIP limit',
      pool: [via('a', 'a1', 1), via('a', 'a2', 1), via('b', 'b1', 1), via('b', 'b2', 1)],
      gateways: [gateway('a', { used: 1 }), gateway('b', { wipLimit: null })],
      expected: { released: ['a1@a', 'b1@b', 'b2@b'], waited: ['a2: The work area is at its WIP limit.'], usedAfterByGateway: { a: 2, b: 2 } },
    },
    {
      name: 'keeps rank strict per gateway: a heavy order holds back lighter ones at its gateway only',
      pool: [via('a', 'heavy', 1, { units: 5, statedPriority: 'urgent' }), via('a', 'light-a', 1), via('b', 'light-b', 1)],
      gateways: [gateway('a', { unit: 'units', wipLimit: 6, used: 3 }), gateway('b', { unit: 'units', wipLimit: 6 })],
      expected: { released: ['light-b@b'], waited: ['heavy: Needs 5 units; 3 free.', 'light-a: Ranked behind heavy, which does not fit yet.'], usedAfterByGateway: { a: 3, b: 1 } },
    },
    {
      name: "asks each gateway's status and shift",
      pool: [via('a', 'a1', 1), via('b', 'b1', 1)],
      gateways: [gateway('a', { status: 'paused' }), gateway('b', { inShift: false })],
      expected: { released: [], waited: ['a1: The work area is paused.', 'b1: The work area is outside its shift hours.'], usedAfterByGateway: { a: 0, b: 0 } },
    },
    {
      name: 'starvation release (the area flag) per gateway: only the gateway with nothing in process takes its best order held by a norm',
      pool: [via('a', 'a1', 6, { statedPriority: 'urgent' }), via('b', 'b1', 7)],
      gateways: [gateway('a', { starvationRelease: true }), gateway('b', { starvationRelease: true, used: 1 })],
      options: { norms: norms() },
      expected: {
        released: ['a1@a (starved)'],
        waited: ["b1: Would bring d's load to 12.0 h; its workload norm is 10 h."],
        usedAfterByGateway: { a: 1, b: 1 },
      },
    },
  ])('$name', ({ pool, gateways, options, expected }) => {
    expect(outcome(planGroupReleaseCycle(pool, gateways, defaults, now, options))).toEqual(expected);
  });

  it('shares the norms: what one gateway releases counts against the next order of the other', () => {
    const plan = planGroupReleaseCycle([via('a', 'a1', 3, { statedPriority: 'urgent' }), via('b', 'b1', 3)], group, defaults, now, { norms: norms() });
    expect(plan.loadsAfter).toEqual({ d: 8 });
    expect(outcome(plan).waited).toEqual(["b1: Would bring d's load to 11.0 h; its workload norm is 10 h."]);
  });

  it('refuses an order whose gateway is not in the group', () => {
    expect(() => planGroupReleaseCycle([via('c', 'lost', 1)], group, none, now)).toThrow('Order lost enters by c');
    expect(() => planGroupReleaseCycle([order('unsaid')], group, none, now)).toThrow('Order unsaid enters by no gateway');
  });
});

describe('the starvation trigger', () => {
  const group = [gateway('a'), gateway('b')];
  it.each<{ name: string; pool: PoolOrder[]; gateways?: CycleArea[]; starved: string; rules?: CycleRules; expected: ReturnType<typeof outcome> }>([
    {
      name: 'releases the best order whose routing starts at the starved area, whatever the norms, and nothing else',
      pool: [via('a', 'a-best', 9, { statedPriority: 'urgent' }), via('b', 'b-big', 9, { statedPriority: 'high' }), via('b', 'b-next', 1)],
      starved: 'b',
      expected: {
        released: ['b-big@b (starved)'],
        waited: ['a-best: Its routing does not start at b, which starved.', 'b-next: Only one order is released when b starves.'],
        usedAfterByGateway: { a: 0, b: 1 },
      },
    },
    {
      name: 'an order without a routing starts at its gateway',
      pool: [order('plain', { gatewayId: 'a' }), order('other', { gatewayId: 'b', statedPriority: 'urgent' })],
      starved: 'a',
      expected: { released: ['plain@a (starved)'], waited: ['other: Its routing does not start at a, which starved.'], usedAfterByGateway: { a: 1, b: 0 } },
    },
    {
      name: "the release rules still hold an order back: the next one that starts there goes",
      pool: [via('a', 'evening', 1, { kind: 'delivery', statedPriority: 'urgent' }), via('a', 'pick', 1, { kind: 'pick' })],
      gateways: [gateway('a', { hourOfDay: 19 }), gateway('b')],
      starved: 'a',
      rules: defaults,
      expected: { released: ['pick@a (starved)'], waited: ['evening: Delivery due tomorrow or later: released in the morning.'], usedAfterByGateway: { a: 1, b: 0 } },
    },
    {
      name: "the gateway's WIP limit still holds",
      pool: [via('a', 'a1', 1)],
      gateways: [gateway('a', { used: 2 }), gateway('b')],
      starved: 'a',
      expected: { released: [], waited: ['a1: The work area is at its WIP limit.'], usedAfterByGateway: { a: 2, b: 0 } },
    },
    {
      name: "the gateway's status still holds",
      pool: [via('a', 'a1', 1)],
      gateways: [gateway('a', { status: 'stopped' }), gateway('b')],
      starved: 'a',
      expected: { released: [], waited: ['a1: The work area is stopped.'], usedAfterByGateway: { a: 0, b: 0 } },
    },
    {
      name: 'a downstream area starves: an order entering by a gateway whose routing starts there goes',
      pool: [
        order('via-a', { gatewayId: 'a', statedPriority: 'urgent', operations: [{ workAreaId: 'a', hours: 1, position: 1 }, { workAreaId: 'd', hours: 9, position: 2 }] }),
        order('starts-at-d', { gatewayId: 'b', operations: [{ workAreaId: 'd', hours: 9, position: 1 }] }),
      ],
      starved: 'd',
      expected: { released: ['starts-at-d@b (starved)'], waited: ['via-a: Its routing does not start at d, which starved.'], usedAfterByGateway: { a: 0, b: 1 } },
    },
  ])('$name', ({ pool, gateways = group, starved, rules = none, expected }) => {
    expect(outcome(planGroupReleaseCycle(pool, gateways, rules, now, { norms: norms(9), starvedAreaId: starved }))).toEqual(expected);
  });

  it('works on a single area through planReleaseCycle too', () => {
    const plan = planReleaseCycle([via('a', 'a1', 9), via('a', 'a2', 9)], gateway('a', { norms: norms(9) }), none, now, { starvedAreaId: 'a' });
    expect(outcome(plan).released).toEqual(['a1@a (starved)']);
  });
});
