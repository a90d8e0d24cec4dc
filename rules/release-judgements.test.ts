import { describe, expect, it } from 'vitest';
import type { ReleaseJudgement } from '../domain/release-judgement.ts';
import { verdictKeys } from './release-judgements.ts';

/** The key as orders already in the store carry it: a changed spelling would make every cycle rewrite every judgement. */
const stored = (area: string, priority: number | null, release: number | null, score: number, verdict: string, reason: string | null) =>
  JSON.stringify([area, priority, release, score, verdict, reason]);

describe('judgement keys', () => {
  it.each([
    { area: 'pick-a', priority: 3, release: 7, score: 42, verdict: 'released', reason: null },
    { area: 'pick-a', priority: null, release: null, score: 0, verdict: 'waiting', reason: 'The work area is at its WIP limit.' },
    { area: 'zone "B"\\', priority: 1, release: 2, score: -12.5, verdict: 'escalated', reason: 'Needs a "supervisor"\n— now 🚚' },
    { area: 'a', priority: 1, release: null, score: 1e21, verdict: 'waiting', reason: '' },
    { area: 'a', priority: 1, release: 1, score: -0, verdict: 'waiting', reason: 'null' },
    { area: 'a', priority: 1, release: 1, score: Number.NaN, verdict: 'released', reason: null },
    { area: 'a', priority: 1, release: 1, score: 0.1 + 0.2, verdict: 'waiting', reason: '\u2028\u0000' },
  ] as const)('spells $verdict, $score, $reason as the stored JSON array', ({ area, priority, release, score, verdict, reason }) => {
    const keyOf = verdictKeys({ workAreaId: area, priority: priority === null ? null : { version: priority, decide: () => ({ events: [], score: null, chosen: null }) }, release: release === null ? null : { version: release } });
    // Twice: the second answer comes from the parts kept from the first.
    for (let i = 0; i < 2; i++) expect(keyOf(score, verdict as ReleaseJudgement['verdict'], reason)).toBe(stored(area, priority, release, score, verdict, reason));
  });

  it('keeps the verdict apart from the reason, so two verdicts with one reason differ', () => {
    const keyOf = verdictKeys({ workAreaId: 'a', priority: null, release: null });
    expect(keyOf(1, 'waiting', 'x')).toBe(stored('a', null, null, 1, 'waiting', 'x'));
    expect(keyOf(1, 'escalated', 'x')).toBe(stored('a', null, null, 1, 'escalated', 'x'));
  });
});
