import { describe, expect, it } from 'vitest';
import type { ReleaseJudgement } from '../../../domain/release-judgement.ts';
import { describeJudgement } from './release-judgement.ts';

const judged = (j: Partial<ReleaseJudgement>): ReleaseJudgement => ({
  workAreaId: 'pick-a',
  cycleId: 'c-1',
  judgedAt: new Date().toISOString(),
  rank: 2,
  score: 40,
  scoreRules: [
    { rule: 'Due within 4 hours', points: 30 },
    { rule: 'Stated urgent or high', points: 10 },
  ],
  priorityVersion: 3,
  verdict: 'waiting',
  reason: 'The work area is at its WIP limit.',
  releaseVersion: 1,
  facts: {},
  rules: [],
  ...j,
});

describe('the drawer’s account of the latest release cycle', () => {
  it.each([
    ['a queued order that waits', judged({}), 'queued', 'Why it waits', "The work area is at its WIP limit. Ranked 2nd in Pick A's pool."],
    ['a released order', judged({ verdict: 'released', reason: null, rank: 1 }), 'assigned', 'Released into Pick A', "Ranked 1st in Pick A's pool, it fit the capacity and the release rules let it go."],
    ['an escalated one', judged({ verdict: 'escalated', reason: 'Overdue', rank: 13 }), 'escalated', 'Escalated by a release cycle', "Overdue. Ranked 13th in Pick A's pool."],
    ['one that waited and has left the pool since', judged({}), 'cancelled', 'Last release cycle', "The work area is at its WIP limit. Ranked 2nd in Pick A's pool."],
  ] as const)('%s', (_, j, state, heading, why) => {
    expect(describeJudgement(j, state, 'Pick A')).toMatchObject({ heading, why });
  });

  it('shows the score that ranked the order with each rule’s points', () => {
    expect(describeJudgement(judged({}), 'queued', 'Pick A').score).toBe('40: +30 points (Due within 4 hours) +10 points (Stated urgent or high), priority rules version 3');
    expect(describeJudgement(judged({ score: 0, scoreRules: [], priorityVersion: null }), 'queued', 'Pick A').score).toBe('0: no priority rule applied');
  });
});
