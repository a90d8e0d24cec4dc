import { describe, expect, it } from 'vitest';
import { rulesetDefinition, type RulesetDefinition } from '../../../domain/ruleset.ts';
import { DEFAULT_RULESETS } from '../../../rules/defaults/index.ts';
import type { PolicySpec } from '../../policy-spec.ts';
import { changedDecisions } from './changed-decisions.ts';
import type { RecordedArea, RecordedDay, RecordedOrder } from './recorded-day.ts';
import { replayRecordedDay } from './replay-recorded-day.ts';

const HOUR = 3_600_000;
// The day is built around today's midnight (UTC): the replay has no clock of its own, only the day's times.
const start = Math.floor(Date.now() / 86_400_000) * 86_400_000;
const date = new Date(start).toISOString().slice(0, 10);

const area: RecordedArea = {
  id: 'pick-1',
  kind: 'pick_zone',
  zone: null,
  status: 'open',
  timeZone: 'UTC',
  unit: 'orders',
  wipLimit: 1,
  workloadNormHours: null,
  loadCorrection: 'position',
  starvationRelease: false,
  plannedLeadTimeHours: 0,
  shiftCalendar: null,
};

/** An order queued `queued` hours into the day, due `due` hours after it, released and done as recorded. */
const order = (id: string, queued: number, due: number, recorded: { released: number; done: number } | null, extra: Partial<RecordedOrder> = {}): RecordedOrder => ({
  id,
  account: 'ACME',
  accountTier: null,
  kind: 'pick',
  statedPriority: 'normal',
  dueAt: start + (queued + due) * HOUR,
  createdAt: start + queued * HOUR,
  queuedAt: start + queued * HOUR,
  candidateAreas: [area.id],
  zone: null,
  units: 1,
  orderValue: 100,
  lineCount: 1,
  releasedAt: recorded ? start + recorded.released * HOUR : null,
  releasedInto: recorded ? area.id : null,
  doneAt: recorded ? start + recorded.done * HOUR : null,
  ...extra,
});

// One slot; each order works an hour (the third two), so they queue behind each other.
const day: RecordedDay = {
  date,
  start,
  end: start + 24 * HOUR,
  areas: [area],
  rulesets: { priority: DEFAULT_RULESETS.priority, release: DEFAULT_RULESETS.release },
  orders: [
    order('A', 8, 30, { released: 8, done: 9 }),
    order('B', 8.1, 3, { released: 9, done: 10 }),
    order('C', 8.2, 2, { released: 10, done: 12 }),
  ],
  neverQueued: 0,
  auditRows: 18,
};

const policy = (rulesets: { priority?: RulesetDefinition; release?: RulesetDefinition }): PolicySpec => ({ label: 'rules', kind: 'rules', rulesets });
const published = { priority: DEFAULT_RULESETS.priority, release: DEFAULT_RULESETS.release };
const withRule = (base: RulesetDefinition, rule: RulesetDefinition['rules'][number]) => rulesetDefinition.parse({ ...base, rules: [rule, ...base.rules] });
/** A draft that keeps orders with a day or more of slack in the pool. */
const draft = {
  priority: DEFAULT_RULESETS.priority,
  release: withRule(DEFAULT_RULESETS.release, {
    name: 'Plenty of slack',
    description: 'An order due a day or more from now waits: the slot goes to work due sooner.',
    priority: 95,
    conditions: { all: [{ fact: 'slackHours', operator: 'greaterThanInclusive', value: 20 }] },
    event: { type: 'wait', params: { reason: 'Due a day or more from now: waits.' } },
  }),
};

describe('a recorded day replayed under a policy', () => {
  it('releases as the live cycle would: the slot holds one order, each works as long as it did that day', () => {
    const run = replayRecordedDay(day, policy(published));
    const at = (id: string) => run.decisions.get(id)!;
    expect(at('A')).toMatchObject({ outcome: 'released', reason: null });
    expect(at('A').at.getTime()).toBe(start + 8 * HOUR);
    // B and C wait for A's hour; C is due sooner, so the priority rules put it first.
    expect(at('C').at.getTime()).toBe(start + 9 * HOUR);
    expect(at('B').at.getTime()).toBe(start + 11 * HOUR);
    expect(run.released).toBe(3);
    expect(run.kpis.floorTime).toBeCloseTo((1 + 1 + 2) / 3, 9);
    expect(run.kpis.poolWait).toBeCloseTo((0 + (9 - 8.2) + (11 - 8.1)) / 3, 9);
  });

  it('gives the same result for the same day and policy', () => {
    const a = replayRecordedDay(day, policy(draft));
    const b = replayRecordedDay(day, policy(draft));
    expect(a.kpis).toEqual(b.kpis);
    expect([...a.decisions].map(([id, d]) => [id, d.outcome, d.at.getTime()])).toEqual([...b.decisions].map(([id, d]) => [id, d.outcome, d.at.getTime()]));
  });

  it('lists the orders a draft decides otherwise, with the draft’s explanation', () => {
    const before = replayRecordedDay(day, policy(published));
    const after = replayRecordedDay(day, policy(draft));
    const changed = changedDecisions(day.orders.map((o) => o.id), before.decisions, after.decisions, draft);
    const a = changed.find((c) => c.orderId === 'A')!;
    expect(a.before).toBe('released into pick-1 at 08:00');
    // Released once its slack, rounded to a tenth as the facts give it, fell under 20 hours: at the next minute's tick.
    expect(a.after).toBe('released into pick-1 at 18:04');
    expect(a.explanation).toMatch(/^Priority \d+/);
    expect(a.explanation).toContain('Waited (last at 18:03): Plenty of slack: wait (reason "Due a day or more from now: waits.") because slackHours 20');
    expect(a.explanation).toContain('Released: no release rule holds it back, and the area had room.');
    // With A waiting, B took the slot at once, and C went after B.
    expect(changed.map((c) => c.orderId)).toEqual(['A', 'B', 'C']);
    expect(changed.find((c) => c.orderId === 'B')).toMatchObject({ before: 'released into pick-1 at 11:00', after: 'released into pick-1 at 08:06' });
  });

  it('lists nothing for a draft that decides as the published rules do', () => {
    const before = replayRecordedDay(day, policy(published));
    const same = replayRecordedDay(day, policy({ ...published }));
    expect(changedDecisions(day.orders.map((o) => o.id), before.decisions, same.decisions, published)).toEqual([]);
  });

  it('keeps an order the day never released working for its area’s mean duration when a policy releases it', () => {
    const unreleased: RecordedDay = { ...day, orders: [...day.orders, order('D', 13, 4, null)] };
    const run = replayRecordedDay(unreleased, policy(published));
    expect(run.decisions.get('D')).toMatchObject({ outcome: 'released' });
    expect(run.released).toBe(4);
    expect(run.kpis.floorTime).toBeCloseTo((1 + 1 + 2 + 4 / 3) / 4, 9);
  });
});
