import { describe, expect, it } from 'vitest';
import { summarizeOutcome } from './outcome-summary.ts';

describe('an outcome in a few words', () => {
  const deadline = (params: Record<string, unknown>) => summarizeOutcome({ score: null, chosen: { rule: null, type: 'deadline', params }, events: [] });

  it.each([
    { name: 'a score', outcome: { score: 42, chosen: null, events: [] }, says: 'score 42' },
    { name: 'no outcome', outcome: { score: null, chosen: null, events: [] }, says: 'no outcome' },
    { name: 'no rules', outcome: null, says: 'no rules in force' },
    { name: 'an outcome without parameters', outcome: { score: null, chosen: { rule: null, type: 'none', params: {} }, events: [] }, says: 'none' },
  ])('$name', ({ outcome, says }) => {
    expect(summarizeOutcome(outcome)).toBe(says);
  });

  it('is the same whatever order the parameters come in, as jsonb may store them in another', () => {
    expect(deadline({ role: 'dispatcher', minutes: 120 })).toBe('deadline (minutes 120, role "dispatcher")');
    expect(deadline({ minutes: 120, role: 'dispatcher' })).toBe(deadline({ role: 'dispatcher', minutes: 120 }));
  });
});
