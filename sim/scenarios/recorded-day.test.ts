import { describe, expect, it } from 'vitest';
import { rulesetDefinition } from '../../domain/ruleset.ts';
import { DEFAULT_RULESETS } from '../../rules/defaults/index.ts';
import { BacktestInputError } from '../backtest-input-error.ts';
import { runBacktest } from '../backtest.ts';
import type { PolicySpec } from '../policy-spec.ts';
import type { RecordedDay, RecordedOrder } from './recorded-day/recorded-day.ts';

const HOUR = 3_600_000;
const start = Math.floor(Date.now() / 86_400_000) * 86_400_000;
const order = (id: string, queued: number, due: number, released: number, done: number): RecordedOrder => ({
  id,
  reference: `SO-${id}`,
  account: 'ACME',
  accountTier: null,
  kind: 'pick',
  statedPriority: 'normal',
  dueAt: start + (queued + due) * HOUR,
  createdAt: start + queued * HOUR,
  queuedAt: start + queued * HOUR,
  candidateAreas: ['pick-1'],
  zone: null,
  units: 1,
  orderValue: 10,
  lineCount: 1,
  releasedAt: start + released * HOUR,
  releasedInto: 'pick-1',
  doneAt: start + done * HOUR,
});
const published = { priority: DEFAULT_RULESETS.priority, release: DEFAULT_RULESETS.release };
const day: RecordedDay = {
  date: new Date(start).toISOString().slice(0, 10),
  start,
  end: start + 24 * HOUR,
  areas: [{ id: 'pick-1', kind: 'pick_zone', zone: null, status: 'open', timeZone: 'UTC', unit: 'orders', wipLimit: 1, workloadNormHours: null, loadCorrection: 'position', starvationRelease: false, plannedLeadTimeHours: 1, shiftCalendar: null }],
  rulesets: published,
  orders: [order('A', 8, 30, 8, 9), order('B', 8.5, 3, 9, 10)],
  neverQueued: 0,
  auditRows: 12,
};
const draftRelease = rulesetDefinition.parse({
  ...DEFAULT_RULESETS.release,
  rules: [
    {
      name: 'Plenty of slack',
      description: 'An order due a day or more from now waits.',
      priority: 95,
      conditions: { all: [{ fact: 'slackHours', operator: 'greaterThanInclusive', value: 20 }] },
      event: { type: 'wait', params: { reason: 'Due a day or more from now: waits.' } },
    },
    ...DEFAULT_RULESETS.release.rules,
  ],
});
const policies: PolicySpec[] = [
  { label: 'Published', kind: 'rules', rulesets: published },
  { label: 'Draft', kind: 'rules', rulesets: { ...published, release: draftRelease } },
  { label: 'Immediate release', kind: 'immediate' },
];

describe('the recorded day scenario', () => {
  it('replays the day under each policy and lists the draft’s changed decisions once, with their explanations', () => {
    const result = runBacktest({ scenario: 'recorded-day', params: { day }, policies, replications: 2, seed: 1 });
    expect(result.policies.map((p) => p.label)).toEqual(['Published', 'Draft', 'Immediate release']);
    // A replay has no randomness: both replications agree, so the intervals are empty.
    expect(result.policies[0]!.kpis.poolWait.halfWidth).toBe(0);
    expect(result.policies[2]!.kpis.poolWait.mean).toBe(0);
    const changed = result.changedDecisions!;
    expect(changed.map((c) => c.orderId)).toEqual(['A', 'B']);
    expect(changed[0]).toMatchObject({ orderId: 'A', reference: 'SO-A', before: 'released into pick-1 at 08:00' });
    expect(changed[0]!.explanation).toContain('Plenty of slack: wait');
  });

  it('needs the day read from the store', () => {
    expect(() => runBacktest({ scenario: 'recorded-day', policies, replications: 1, seed: 1 })).toThrow(BacktestInputError);
    expect(() => runBacktest({ scenario: 'recorded-day', params: { day: { orders: 'many' } }, policies, replications: 1, seed: 1 })).toThrow(/--date YYYY-MM-DD/);
  });
});
