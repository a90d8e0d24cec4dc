import { describe, expect, it } from 'vitest';
import { DECISION_POINTS } from './decision-points.ts';
import { defaultInFlight, IN_FLIGHT, inFlightProblem, type InFlightPolicy } from './in-flight-policy.ts';

describe('in-flight policies per decision point', () => {
  // Per point: whether the policy applies when the version takes effect now, and when it takes effect later.
  const table: Record<string, Record<InFlightPolicy, [now: boolean, later: boolean]>> = {
    priority: { redecide_now: [true, false], redecide_at_effective: [false, true], keep: [true, true] },
    release: { redecide_now: [true, false], redecide_at_effective: [false, true], keep: [false, false] },
    escalation: { redecide_now: [true, false], redecide_at_effective: [false, true], keep: [true, true] },
    intake: { redecide_now: [false, false], redecide_at_effective: [false, false], keep: [true, true] },
    assignment: { redecide_now: [false, false], redecide_at_effective: [false, false], keep: [true, true] },
    return: { redecide_now: [false, false], redecide_at_effective: [false, false], keep: [true, true] },
    remit: { redecide_now: [false, false], redecide_at_effective: [false, false], keep: [true, true] },
    rma: { redecide_now: [false, false], redecide_at_effective: [false, false], keep: [true, true] },
  };

  it('covers every decision point', () => {
    expect(Object.keys(table).sort()).toEqual([...DECISION_POINTS].sort());
  });

  it.each(Object.entries(table).flatMap(([dp, policies]) => Object.entries(policies).flatMap(([policy, [now, later]]) => [{ dp, policy, later: false, applies: now }, { dp, policy, later: true, applies: later }])))(
    '$policy for $dp rules taking effect later: $later applies: $applies',
    ({ dp, policy, later, applies }) => {
      const problem = inFlightProblem(dp as never, policy as InFlightPolicy, later);
      expect(problem === null).toBe(applies);
      if (!applies) expect(problem).toMatch(/\.$/);
    },
  );

  it.each(DECISION_POINTS)('the default for %s rules is a policy that applies, re-deciding where it can', (dp) => {
    for (const later of [false, true]) {
      const policy = defaultInFlight(dp, later);
      expect(inFlightProblem(dp, policy, later)).toBeNull();
      expect(policy === 'keep').toBe(!IN_FLIGHT[dp].redecide.offered);
    }
  });

  it('says what re-deciding does to running escalation deadlines', () => {
    const redecide = IN_FLIGHT.escalation.redecide;
    expect(redecide.offered && redecide.does).toMatch(/counted from when the order entered its state/);
  });
});
