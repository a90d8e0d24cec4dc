import { z } from 'zod';
import type { DecisionPointId } from './decision-points.ts';

/** What a publish does to the orders already waiting at its decision point. */
export const IN_FLIGHT_POLICIES = ['redecide_now', 'redecide_at_effective', 'keep'] as const;
export const inFlightPolicy = z.enum(IN_FLIGHT_POLICIES);
export type InFlightPolicy = z.infer<typeof inFlightPolicy>;

interface PointPolicies {
  /** Which orders wait on this decision point's rules, in words. */
  waiting: string;
  /** Each policy: what it does here, or why it cannot apply. */
  redecide: { offered: true; does: string } | { offered: false; why: string };
  keep: { offered: true; does: string } | { offered: false; why: string };
}

const DECIDED_ONCE = (when: string): PointPolicies['redecide'] => ({
  offered: false,
  why: `${when}; an order past that point acted on its decision, and decisions acted upon are never rewritten. New rules decide the orders that reach it from the effective time.`,
});
const KEEP = { offered: true, does: 'Orders that decided already keep their decision; the new rules decide the orders that reach this point from the effective time.' } as const;

/**
 * Per decision point, which orders wait on it and which in-flight policies can apply. The pool waits on
 * rules (priority and release are asked again while an order is queued), and so does an order whose escalation
 * deadline is running; every other point decides once, when an order reaches it, and acts on the decision at once.
 */
export const IN_FLIGHT: Record<DecisionPointId, PointPolicies> = {
  priority: {
    waiting: 'orders queued in a pool',
    redecide: { offered: true, does: 'Each queued order whose score the new rules change is decided again (a new decision on its timeline) and every area re-ranks its pool.' },
    keep: {
      offered: true,
      does: 'Queued orders keep their recorded priority decision and no cycle runs for the publish; pools are ranked by the rules in force at each release cycle, so from the next cycle their place follows the new rules.',
    },
  },
  release: {
    waiting: 'orders queued in a pool',
    redecide: { offered: true, does: 'Every area runs a release cycle under the new rules.' },
    keep: { offered: false, why: 'A queued order has no standing release decision to keep: every release cycle asks the rules in force afresh.' },
  },
  intake: { waiting: 'none', redecide: DECIDED_ONCE('Intake decides once, when an order is captured'), keep: KEEP },
  assignment: { waiting: 'none', redecide: DECIDED_ONCE('Assignment decides the moment an order is released, so no order waits on it'), keep: KEEP },
  escalation: {
    waiting: 'orders whose deadline in their current state is running',
    redecide: {
      offered: true,
      does: 'Each running deadline is decided again (a new decision on the order), still counted from when the order entered its state: one already past escalates the order at once, no deadline cancels it. Escalated orders keep their escalation.',
    },
    keep: { offered: true, does: 'Running deadlines are left as they were decided; the new rules set the deadlines of orders entering a state from the effective time.' },
  },
  return: { waiting: 'none', redecide: DECIDED_ONCE('Return decides once, when an order comes back'), keep: KEEP },
  remit: { waiting: 'none', redecide: DECIDED_ONCE('Remit decides once, when a COD or credit order is delivered'), keep: KEEP },
  rma: { waiting: 'none', redecide: DECIDED_ONCE('Customer returns decide once, when a return is requested (its approver stays as decided)'), keep: KEEP },
};

/** What the publish does when the request names no policy: re-decide where it can, when the version takes effect. */
export function defaultInFlight(dp: DecisionPointId, effectiveLater: boolean): InFlightPolicy {
  if (!IN_FLIGHT[dp].redecide.offered) return 'keep';
  return effectiveLater ? 'redecide_at_effective' : 'redecide_now';
}

/** Why `policy` cannot apply to a publish of `dp` taking effect now or later; null when it can. */
export function inFlightProblem(dp: DecisionPointId, policy: InFlightPolicy, effectiveLater: boolean): string | null {
  const point = IN_FLIGHT[dp];
  if (policy === 'keep') return point.keep.offered ? null : point.keep.why;
  if (!point.redecide.offered) return point.redecide.why;
  if (policy === 'redecide_now' && effectiveLater) return 'The version takes effect later, so its orders cannot be decided again by it now: choose to re-decide them at the effective time.';
  if (policy === 'redecide_at_effective' && !effectiveLater) return 'The version takes effect now: there is no effective time to wait for, so choose to re-decide now.';
  return null;
}
