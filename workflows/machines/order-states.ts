import { and } from 'xstate';
import type { EscalatableState, Escalation, OrderState } from '../../domain/lifecycle.ts';
import type { Role } from '../../domain/roles.ts';
import type { OrderMachineEvent } from './order-events.ts';

/**
 * The states and transitions every order kind shares, as config fragments the kind machines put
 * together. Names refer to the actions and guards of `orderCore`.
 */

export const escalateFrom = (from: EscalatableState) =>
  ({
    target: 'escalated',
    actions: {
      type: 'recordEscalation',
      params: ({ event }: { event: OrderMachineEvent }): Escalation =>
        event.type === 'ESCALATE' ? { from, reason: event.reason, role: event.role } : { from, reason: 'escalated', role: 'dispatcher' },
    },
  }) as const;

/** A decision point's escalate outcome: the order goes to a role's queue as if a person had escalated it. */
const escalateByRules = (from: EscalatableState, role: Role, fallbackReason: string) =>
  ({
    type: 'recordEscalation',
    params: ({ event }: { event: OrderMachineEvent }): Escalation => ({
      from,
      reason: ('reason' in event && event.reason) || fallbackReason,
      role: ((event.type === 'RETURN_DECIDED' || event.type === 'ASSIGNMENT_FAILED') && event.role) || role,
    }),
  }) as const;

/** A hold that does not stop the order where it is: it only blocks the transitions its type names. */
export const holdInPlace = {
  HOLD: { guard: 'newHold', actions: 'addHold' },
  RELEASE_HOLD: { guard: 'hasHold', actions: 'removeHold' },
} as const;

const recordPriority = { type: 'recordPriority', params: ({ event }: { event: OrderMachineEvent }) => ({ score: event.type === 'PRIORITIZED' || event.type === 'REPRIORITIZED' ? event.score : 0 }) } as const;
const splitOrderAction = { type: 'splitOrder', params: ({ event }: { event: OrderMachineEvent }) => ({ parts: event.type === 'SPLIT' ? event.parts : [] }) } as const;
const cancelWithdrawing = { target: 'cancelled', actions: 'withdraw' } as const;

/** captured → validating → (on_hold | specialist_review | queued | rejected), and the pool. */
export const intakeStates = {
  captured: { always: 'validating' },
  validating: {
    entry: 'decideIntake',
    on: {
      INTAKE_DECIDED: [
        { guard: 'intakeAccepts', actions: 'decidePriority' },
        { guard: { type: 'intakeSays', params: { outcome: 'hold' } }, target: 'on_hold', actions: 'addHold' },
        { guard: { type: 'intakeSays', params: { outcome: 'specialist_review' } }, target: 'specialist_review' },
        { guard: { type: 'intakeSays', params: { outcome: 'reject' } }, target: 'rejected' },
      ],
      PRIORITIZED: { target: 'queued', actions: recordPriority },
      ESCALATE: escalateFrom('validating'),
      CANCEL: 'cancelled',
    },
  },
  on_hold: {
    entry: 'armDeadline',
    on: {
      HOLD: { guard: 'newHold', actions: 'addHold' },
      // The last hold released: an accepted order goes back to the pool, one held at intake is validated again.
      RELEASE_HOLD: [
        { guard: 'lastHoldOfAccepted', target: 'queued', actions: 'removeHold' },
        { guard: 'lastHold', target: 'validating', actions: 'removeHold' },
        { guard: 'hasHold', actions: 'removeHold' },
      ],
      // Split by availability: the part in stock goes on, the rest waits on its own inventory hold.
      SPLIT: { guard: 'heldForStockOnly', target: 'split', actions: splitOrderAction },
      ESCALATE: escalateFrom('on_hold'),
      CANCEL: 'cancelled',
    },
  },
  specialist_review: {
    entry: 'armDeadline',
    on: {
      // A claim makes the review one specialist's until they end it or an ops manager takes it over or hands it on.
      CLAIM: { guard: 'mayClaim', actions: 'setAssignee' },
      UNCLAIM: { guard: 'mayUnclaim', actions: 'clearAssignee' },
      REASSIGN: { guard: 'takesOver', actions: 'setAssignee' },
      APPROVE: { guard: and(['notHeld', 'claimAllows']), actions: 'decidePriority' },
      PRIORITIZED: { target: 'queued', actions: recordPriority },
      REJECT: { guard: 'claimAllows', target: 'rejected' },
      SPLIT: { guard: 'claimAllows', target: 'split', actions: splitOrderAction },
      ...holdInPlace,
      ESCALATE: escalateFrom('specialist_review'),
      CANCEL: 'cancelled',
    },
  },
  rejected: { type: 'final' },
  split: { type: 'final' },
  queued: {
    entry: ['clearAssignee', 'requestRelease', 'armDeadline'],
    on: {
      RELEASE: 'released',
      FORCE_RELEASE: { guard: 'notHeld', target: 'released', actions: 'forceRelease' },
      // New priority rules decide again while the order waits; it stays queued.
      REPRIORITIZED: { actions: [recordPriority, 'updatePoolRank'] },
      CHANGE_PRIORITY: { actions: { type: 'restatePriority', params: ({ event }: { event: OrderMachineEvent }) => ({ statedPriority: event.type === 'CHANGE_PRIORITY' ? event.statedPriority : 'normal' }) } },
      // A held order must not be released: it leaves the pool until the hold is released.
      HOLD: { guard: 'newHold', target: 'on_hold', actions: ['addHold', 'withdraw'] },
      ESCALATE: escalateFrom('queued'),
      CANCEL: cancelWithdrawing,
    },
  },
  released: {
    entry: 'assign',
    on: {
      ASSIGNED: { target: 'assigned', actions: 'setAssignee' },
      // Nobody eligible: a dispatcher assigns it by hand (reassign) or sends it back to the pool.
      ASSIGNMENT_FAILED: { target: 'escalated', actions: escalateByRules('released', 'dispatcher', 'Nobody can take the order.') },
      ...holdInPlace,
      ESCALATE: escalateFrom('released'),
      CANCEL: cancelWithdrawing,
    },
  },
  returned: {
    entry: ['freeCapacity', 'decideReturn'],
    on: {
      RETURN_DECIDED: [
        { guard: { type: 'returnSays', params: { outcome: 'requeue' } }, target: 'queued' },
        { guard: { type: 'returnSays', params: { outcome: 'close' } }, target: 'closed' },
        {
          guard: { type: 'returnSays', params: { outcome: 'escalate' } },
          target: 'escalated',
          actions: escalateByRules('returned', 'dispatcher', 'Returned: the return rules ask a person to decide.'),
        },
      ],
    },
  },
  awaiting_remit: {
    entry: 'armDeadline',
    on: {
      // The amount confirmed goes to the remit rules: in full closes the order, a variance goes to finance review.
      CONFIRM_REMIT: [
        { guard: and(['notHeld', 'remitAsBefore']), target: 'closed' },
        { guard: 'notHeld', actions: ['recordRemitted', 'decideRemit'] },
      ],
      REMIT_DECIDED: [
        {
          guard: { type: 'remitSays', params: { outcome: 'finance_review' } },
          target: 'escalated',
          actions: escalateByRules('awaiting_remit', 'finance', 'Remitted: finance reviews the amount.'),
        },
        { target: 'closed' },
      ],
      ...holdInPlace,
      ESCALATE: escalateFrom('awaiting_remit'),
    },
  },
  cancelled: { type: 'final' },
  closed: { type: 'final' },
} as const;

/** Assigned: the kind's first step of work, and the exceptions open until then. */
export const assignedState = <Work extends object>(work: Work) =>
  ({
    entry: 'armDeadline',
    on: {
      ...work,
      REASSIGN: { actions: 'setAssignee' },
      RETURN: { target: 'returned', actions: 'recordReturn' },
      ...holdInPlace,
      ESCALATE: escalateFrom('assigned'),
      CANCEL: cancelWithdrawing,
    },
  }) as const;

/** completed | delivered: the capacity is given back and the remit rules say whether finance must confirm money. */
export const remitCheckpoint = (from: 'completed' | 'delivered') =>
  ({
    entry: ['freeCapacity', 'decideRemit'],
    on: {
      REMIT_DECIDED: [
        { guard: { type: 'remitSays', params: { outcome: 'clear' } }, target: 'closed' },
        { guard: { type: 'remitSays', params: { outcome: 'require_remit' } }, target: 'awaiting_remit' },
        {
          guard: { type: 'remitSays', params: { outcome: 'finance_review' } },
          target: 'escalated',
          actions: escalateByRules('awaiting_remit', 'finance', `${from === 'completed' ? 'Completed' : 'Delivered'}: finance reviews the remit.`),
        },
      ],
    },
  }) as const;

/** The escalated state of a machine whose escalatable states are `from`: a person sends the order back. */
export function escalatedState(targets: readonly OrderState[]) {
  return {
    entry: 'armDeadline',
    on: {
      RESOLVE: [
        // Back to the pool from a state that held a slot: the slot goes back first.
        { target: 'queued', guard: 'resolvesToPoolFromCapacity', actions: ['freeCapacity', 'clearEscalation'] },
        ...targets.map((state) => ({ target: state, guard: { type: 'resolvesTo', params: { state } }, actions: 'clearEscalation' }) as const),
      ],
      // A breached deadline while escalated hands the order up to another role.
      ESCALATE: { actions: 'reEscalate' },
      // An order escalated while it waited stays in its area's pool; if the area releases it, it goes.
      RELEASE: { target: 'released', guard: 'escalatedFromPool', actions: 'clearEscalation' },
      FORCE_RELEASE: { target: 'released', guard: 'forceableFromPool', actions: ['clearEscalation', 'forceRelease'] },
      // Nobody could be assigned automatically: the dispatcher names who takes it.
      REASSIGN: { target: 'assigned', guard: 'escalatedFromRelease', actions: ['setAssignee', 'clearEscalation'] },
      CANCEL: { target: 'cancelled', guard: 'escalatedBeforeWork', actions: 'withdraw' },
    },
  } as const;
}
