import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import type { Escalation, Hold, OrderState } from '../../domain/lifecycle.ts';
import type { OrderKind } from '../../domain/order.ts';
import { machineFor } from './machine-for-kind.ts';
import { initialContext, type OrderMachineContext } from './order-core.ts';
import type { OrderEventType, OrderMachineEvent } from './order-events.ts';

const by = { actor: 'dan' };
/** One sample of every event the machines know. */
const EVENTS: Record<OrderEventType, OrderMachineEvent> = {
  INTAKE_DECIDED: { type: 'INTAKE_DECIDED', outcome: 'accept' },
  PRIORITIZED: { type: 'PRIORITIZED', score: 12, decisionId: 'd-1' },
  REPRIORITIZED: { type: 'REPRIORITIZED', score: 40, decisionId: 'd-2' },
  RELEASE: { type: 'RELEASE', workAreaId: 'pick-a' },
  ASSIGNED: { type: 'ASSIGNED', resource: 'team-1' },
  ASSIGNMENT_FAILED: { type: 'ASSIGNMENT_FAILED', reason: 'Nobody in the zone', role: 'dispatcher' },
  RETURN_DECIDED: { type: 'RETURN_DECIDED', outcome: 'requeue' },
  REMIT_DECIDED: { type: 'REMIT_DECIDED', outcome: 'clear' },
  CLAIM: { type: 'CLAIM', ...by },
  UNCLAIM: { type: 'UNCLAIM', ...by },
  APPROVE: { type: 'APPROVE', ...by },
  REJECT: { type: 'REJECT', ...by, reason: 'duplicate' },
  SPLIT: { type: 'SPLIT', ...by, parts: [[0], [1]] },
  HOLD: { type: 'HOLD', ...by, holdType: 'manual', reason: 'customer asked to wait' },
  RELEASE_HOLD: { type: 'RELEASE_HOLD', ...by, holdType: 'credit' },
  FORCE_RELEASE: { type: 'FORCE_RELEASE', ...by, reason: 'line idle, order late' },
  REASSIGN: { type: 'REASSIGN', ...by, resource: 'team-2' },
  START: { type: 'START', ...by },
  COMPLETE: { type: 'COMPLETE', ...by },
  PICK_UP: { type: 'PICK_UP', ...by },
  STAGE: { type: 'STAGE', ...by },
  DEPART: { type: 'DEPART', ...by },
  DELIVER: { type: 'DELIVER', ...by, amount: 120 },
  FAIL_ATTEMPT: { type: 'FAIL_ATTEMPT', ...by },
  RETURN: { type: 'RETURN', ...by, returnReason: 'not_home', reason: 'nobody home' },
  CONFIRM_REMIT: { type: 'CONFIRM_REMIT', ...by, amount: 120 },
  ESCALATE: { type: 'ESCALATE', ...by, reason: 'customer called', role: 'dispatcher' },
  RESOLVE: { type: 'RESOLVE', ...by },
  CANCEL: { type: 'CANCEL', ...by, reason: 'customer withdrew' },
  CHANGE_PRIORITY: { type: 'CHANGE_PRIORITY', ...by, statedPriority: 'urgent' },
};

type Row = Partial<Record<OrderEventType, OrderState>>;
const creditHold: Hold = { type: 'credit', reason: 'over limit', placedBy: 'intake rules' };

/** Shared by every kind: intake, pool, release, returns, the remit checkpoint and the escalated state (from queued). */
const CORE: Partial<Record<OrderState, Row>> = {
  captured: {},
  validating: { INTAKE_DECIDED: 'validating', PRIORITIZED: 'queued', ESCALATE: 'escalated', CANCEL: 'cancelled' },
  // On hold with a credit hold at intake: releasing it, the last, validates the order again.
  on_hold: { HOLD: 'on_hold', RELEASE_HOLD: 'validating', ESCALATE: 'escalated', CANCEL: 'cancelled' },
  specialist_review: { CLAIM: 'specialist_review', APPROVE: 'specialist_review', PRIORITIZED: 'queued', REJECT: 'rejected', SPLIT: 'split', HOLD: 'specialist_review', ESCALATE: 'escalated', CANCEL: 'cancelled' },
  queued: { RELEASE: 'released', FORCE_RELEASE: 'released', REPRIORITIZED: 'queued', CHANGE_PRIORITY: 'queued', HOLD: 'on_hold', ESCALATE: 'escalated', CANCEL: 'cancelled' },
  released: { ASSIGNED: 'assigned', ASSIGNMENT_FAILED: 'escalated', HOLD: 'released', ESCALATE: 'escalated', CANCEL: 'cancelled' },
  returned: { RETURN_DECIDED: 'queued' },
  // A confirmed remit is judged by the remit rules before the order closes (REMIT_DECIDED).
  awaiting_remit: { CONFIRM_REMIT: 'awaiting_remit', REMIT_DECIDED: 'closed', HOLD: 'awaiting_remit', ESCALATE: 'escalated' },
  escalated: { RESOLVE: 'queued', ESCALATE: 'escalated', RELEASE: 'released', FORCE_RELEASE: 'released', CANCEL: 'cancelled' },
  rejected: {},
  split: {},
  cancelled: {},
  closed: {},
};

const FULFILMENT: Partial<Record<OrderState, Row>> = {
  ...CORE,
  assigned: { START: 'in_progress', REASSIGN: 'assigned', RETURN: 'returned', HOLD: 'assigned', ESCALATE: 'escalated', CANCEL: 'cancelled' },
  in_progress: { COMPLETE: 'completed', REASSIGN: 'in_progress', HOLD: 'in_progress', ESCALATE: 'escalated' },
  completed: { REMIT_DECIDED: 'closed' },
};

const DELIVERY: Partial<Record<OrderState, Row>> = {
  ...CORE,
  assigned: { PICK_UP: 'picked_up', REASSIGN: 'assigned', RETURN: 'returned', HOLD: 'assigned', ESCALATE: 'escalated', CANCEL: 'cancelled' },
  picked_up: { DEPART: 'in_transit', HOLD: 'picked_up', ESCALATE: 'escalated' },
  in_transit: { DELIVER: 'delivered', FAIL_ATTEMPT: 'attempt_failed', RETURN: 'returned', HOLD: 'in_transit', ESCALATE: 'escalated' },
  attempt_failed: { DEPART: 'in_transit', RETURN: 'returned', HOLD: 'attempt_failed', ESCALATE: 'escalated' },
  delivered: { REMIT_DECIDED: 'closed' },
};

const PICKUP_DELIVERY: Partial<Record<OrderState, Row>> = {
  ...DELIVERY,
  picked_up: { STAGE: 'staged', HOLD: 'picked_up', ESCALATE: 'escalated' },
  staged: { DEPART: 'in_transit', HOLD: 'staged', ESCALATE: 'escalated' },
};

const contextFor = (kind: OrderKind, state: OrderState, extra: Partial<OrderMachineContext> = {}): OrderMachineContext => ({
  ...initialContext({ orderId: 'o-1', workAreaId: 'pick-a', kind, paymentMode: 'prepaid', splitFrom: null }),
  holds: state === 'on_hold' ? [creditHold] : [],
  escalation: state === 'escalated' ? { from: 'queued', reason: 'late', role: 'dispatcher' } : null,
  ...extra,
});
const at = (kind: OrderKind, state: OrderState, extra: Partial<OrderMachineContext> = {}) =>
  machineFor(kind).resolveState({ value: state, context: contextFor(kind, state, extra) });

describe.each([
  { kind: 'pick', table: FULFILMENT },
  { kind: 'production', table: FULFILMENT },
  { kind: 'delivery', table: DELIVERY },
  { kind: 'on_demand', table: DELIVERY },
  { kind: 'pickup', table: DELIVERY },
  { kind: 'pickup_delivery', table: PICKUP_DELIVERY },
] as const)('$kind machine', ({ kind, table }) => {
  it('has exactly the states of its table', () => {
    expect(Object.keys(machineFor(kind).states).sort()).toEqual(Object.keys(table).sort());
  });

  const rows = Object.entries(table).flatMap(([state, row]) =>
    Object.values(EVENTS).map((event) => ({ state: state as OrderState, event: event.type, next: row?.[event.type] ?? null, payload: event })),
  );
  it.each(rows)('$state + $event → $next', ({ state, payload, next }) => {
    const snapshot = at(kind, state);
    expect(snapshot.can(payload)).toBe(next !== null);
    if (next !== null) expect(transition(machineFor(kind), snapshot, payload)[0].value).toBe(next);
  });
});

const effects = (kind: OrderKind, state: OrderState, event: OrderMachineEvent, extra: Partial<OrderMachineContext> = {}) => {
  const [next, actions] = transition(machineFor(kind), at(kind, state, extra), event);
  // Context assignments are applied by the transition itself; what is returned are the effects to carry out.
  return { state: next.value, effects: actions.map((a) => a.type), context: next.context };
};

describe('lifecycle effects', () => {
  it('starts by validating: captured passes straight on to the intake decision', () => {
    const [snapshot, actions] = initialTransition(machineFor('pick'), { orderId: 'o-1', workAreaId: 'pick-a', kind: 'pick', paymentMode: 'prepaid', splitFrom: null });
    expect(snapshot.value).toBe('validating');
    expect(actions.map((a) => a.type)).toEqual(['decideIntake']);
  });

  it.each([
    { outcome: 'accept', state: 'validating', effects: ['decidePriority'] },
    { outcome: 'hold', state: 'on_hold', effects: ['armDeadline'] },
    { outcome: 'specialist_review', state: 'specialist_review', effects: ['armDeadline'] },
    { outcome: 'reject', state: 'rejected', effects: [] },
  ] as const)('intake says $outcome → $state, $effects', ({ outcome, state, effects: expected }) => {
    const result = effects('pick', 'validating', { type: 'INTAKE_DECIDED', outcome, holdType: 'inventory', reason: 'short' });
    expect(result).toMatchObject({ state, effects: expected });
    if (outcome === 'hold') expect(result.context.holds).toEqual([{ type: 'inventory', reason: 'short', placedBy: 'intake rules' }]);
  });

  it.each([
    { kind: 'pick', state: 'validating', event: EVENTS.PRIORITIZED, effects: ['requestRelease', 'armDeadline'] },
    { kind: 'pick', state: 'queued', event: EVENTS.RELEASE, effects: ['assign'] },
    { kind: 'pick', state: 'queued', event: EVENTS.FORCE_RELEASE, effects: ['forceRelease', 'assign'] },
    { kind: 'pick', state: 'queued', event: EVENTS.HOLD, effects: ['withdraw', 'armDeadline'] },
    { kind: 'pick', state: 'queued', event: EVENTS.REPRIORITIZED, effects: ['updatePoolRank'] },
    { kind: 'pick', state: 'queued', event: EVENTS.CANCEL, effects: ['withdraw'] },
    { kind: 'pick', state: 'assigned', event: EVENTS.CANCEL, effects: ['withdraw'] },
    { kind: 'pick', state: 'in_progress', event: EVENTS.COMPLETE, effects: ['freeCapacity', 'decideRemit'] },
    { kind: 'delivery', state: 'in_transit', event: EVENTS.DELIVER, effects: ['freeCapacity', 'decideRemit'] },
    { kind: 'delivery', state: 'in_transit', event: EVENTS.RETURN, effects: ['freeCapacity', 'decideReturn'] },
    { kind: 'delivery', state: 'returned', event: EVENTS.RETURN_DECIDED, effects: ['requestRelease', 'armDeadline'] },
    { kind: 'pick', state: 'specialist_review', event: EVENTS.SPLIT, effects: ['splitOrder'] },
    { kind: 'pick', state: 'queued', event: EVENTS.CHANGE_PRIORITY, effects: ['restatePriority'] },
  ] as const)('$kind: $state + $event.type emits $effects', ({ kind, state, event, effects: expected }) => {
    expect(effects(kind, state, event).effects).toEqual(expected);
  });

  it.each([
    { outcome: 'clear', state: 'closed' },
    { outcome: 'require_remit', state: 'awaiting_remit' },
    { outcome: 'finance_review', state: 'escalated' },
  ] as const)('remit says $outcome → $state', ({ outcome, state }) => {
    const result = effects('delivery', 'delivered', { type: 'REMIT_DECIDED', outcome, reason: 'cash short' });
    expect(result.state).toBe(state);
    if (state === 'escalated') expect(result.context.escalation).toEqual({ from: 'awaiting_remit', role: 'finance', reason: 'cash short' });
  });

  it.each([
    { outcome: 'requeue', state: 'queued' },
    { outcome: 'close', state: 'closed' },
    { outcome: 'escalate', state: 'escalated' },
  ] as const)('return says $outcome → $state', ({ outcome, state }) => {
    expect(effects('delivery', 'returned', { type: 'RETURN_DECIDED', outcome, role: 'specialist', reason: 'refused' }).state).toBe(state);
  });
});

describe('a specialist\'s claim', () => {
  const claimedBy = (assignee: string | null) => at('pick', 'specialist_review', { assignee });
  const ops = { takeOver: true } as const;
  it.each([
    { assignee: null, event: { type: 'CLAIM', actor: 'sam' }, allowed: true, then: 'sam' },
    { assignee: 'sam', event: { type: 'CLAIM', actor: 'kim' }, allowed: false },
    { assignee: 'sam', event: { type: 'CLAIM', actor: 'olga', ...ops }, allowed: true, then: 'olga' },
    { assignee: 'sam', event: { type: 'APPROVE', actor: 'kim' }, allowed: false },
    { assignee: 'sam', event: { type: 'REJECT', actor: 'kim', reason: 'dup' }, allowed: false },
    { assignee: 'sam', event: { type: 'SPLIT', actor: 'kim', parts: [[0], [1]] }, allowed: false },
    { assignee: 'sam', event: { type: 'APPROVE', actor: 'sam' }, allowed: true, then: 'sam' },
    { assignee: null, event: { type: 'APPROVE', actor: 'kim' }, allowed: true, then: null },
    { assignee: 'sam', event: { type: 'UNCLAIM', actor: 'sam' }, allowed: true, then: null },
    { assignee: 'sam', event: { type: 'UNCLAIM', actor: 'kim' }, allowed: false },
    { assignee: 'sam', event: { type: 'UNCLAIM', actor: 'olga', ...ops }, allowed: true, then: null },
    { assignee: null, event: { type: 'UNCLAIM', actor: 'sam' }, allowed: false },
    { assignee: 'sam', event: { type: 'REASSIGN', actor: 'olga', resource: 'kim', ...ops }, allowed: true, then: 'kim' },
    { assignee: 'sam', event: { type: 'REASSIGN', actor: 'dan', resource: 'kim' }, allowed: false },
    // Replaying an order's history from before claims held: the action passes as it did then.
    { assignee: 'sam', event: { type: 'APPROVE', actor: 'kim', asBefore: true }, allowed: true, then: 'sam' },
  ] as const satisfies readonly { assignee: string | null; event: OrderMachineEvent; allowed: boolean; then?: string | null }[])(
    'claimed by $assignee: $event.type by $event.actor → allowed $allowed',
    ({ assignee, event, allowed, ...rest }) => {
      expect(claimedBy(assignee).can(event)).toBe(allowed);
      if ('then' in rest) expect(transition(machineFor('pick'), claimedBy(assignee), event)[0].context.assignee).toBe(rest.then);
    },
  );
});

describe('the remit checkpoint', () => {
  it.each([
    { outcome: 'require_remit', state: 'closed' },
    { outcome: 'clear', state: 'closed' },
    { outcome: 'finance_review', state: 'escalated' },
  ] as const)('a confirmed remit the rules judge $outcome → $state', ({ outcome, state }) => {
    const [confirmed, actions] = transition(machineFor('delivery'), at('delivery', 'awaiting_remit'), { type: 'CONFIRM_REMIT', actor: 'fay', amount: 50 });
    expect(actions.map((a) => a.type)).toEqual(['decideRemit']);
    expect(confirmed.context.amountRemitted).toBe(50);
    const [decided] = transition(machineFor('delivery'), confirmed, { type: 'REMIT_DECIDED', outcome, reason: 'The cash collected differs from the amount due.' });
    expect(decided.value).toBe(state);
    if (state === 'escalated') expect(decided.context.escalation).toEqual({ from: 'awaiting_remit', role: 'finance', reason: 'The cash collected differs from the amount due.' });
  });

  it('replaying a remit confirmed before amounts were checked closes the order as it did then', () => {
    expect(transition(machineFor('delivery'), at('delivery', 'awaiting_remit'), { type: 'CONFIRM_REMIT', actor: 'fay', amount: 50, asBefore: true })[0].value).toBe('closed');
  });
});

describe('escalations', () => {
  const escalated = (from: Escalation['from']): Partial<OrderMachineContext> => ({ escalation: { from, reason: 'late', role: 'dispatcher' } });
  it.each([
    { kind: 'pick', from: 'assigned', to: undefined, state: 'assigned', effects: ['armDeadline'] },
    { kind: 'pick', from: 'assigned', to: 'queued', state: 'queued', effects: ['freeCapacity', 'requestRelease', 'armDeadline'] },
    { kind: 'pick', from: 'in_progress', to: 'queued', state: null, effects: [] },
    { kind: 'delivery', from: 'returned', to: undefined, state: 'queued', effects: ['requestRelease', 'armDeadline'] },
    { kind: 'delivery', from: 'returned', to: 'closed', state: 'closed', effects: [] },
    { kind: 'delivery', from: 'awaiting_remit', to: 'closed', state: 'closed', effects: [] },
    { kind: 'pickup_delivery', from: 'staged', to: undefined, state: 'staged', effects: ['armDeadline'] },
  ] as const)('$kind escalated from $from, resolved to $to → $state', ({ kind, from, to, state, effects: expected }) => {
    const snapshot = at(kind, 'escalated', escalated(from));
    const event: OrderMachineEvent = { type: 'RESOLVE', actor: 'dan', ...(to ? { to } : {}) };
    expect(snapshot.can(event)).toBe(state !== null);
    if (state === null) return;
    const result = effects(kind, 'escalated', event, escalated(from));
    expect(result.state).toBe(state);
    expect(result.effects).toEqual(expected);
    expect(result.context.escalation).toBeNull();
  });

  it('nobody to assign: escalated from released, a dispatcher names who takes it', () => {
    const [failed] = transition(machineFor('delivery'), at('delivery', 'released'), EVENTS.ASSIGNMENT_FAILED);
    expect(failed.context.escalation).toEqual({ from: 'released', reason: 'Nobody in the zone', role: 'dispatcher' });
    const [assigned] = transition(machineFor('delivery'), failed, EVENTS.REASSIGN);
    expect(assigned.value).toBe('assigned');
    expect(assigned.context).toMatchObject({ assignee: 'team-2', escalation: null });
    expect(at('pick', 'escalated', escalated('queued')).can(EVENTS.REASSIGN)).toBe(false);
  });

  it.each(['validating', 'on_hold', 'specialist_review', 'queued', 'released', 'assigned'] as const)('cancel is open when escalated from %s', (from) => {
    expect(at('pick', 'escalated', escalated(from)).can(EVENTS.CANCEL)).toBe(true);
  });
  it.each(['in_progress', 'awaiting_remit'] as const)('cancel is refused when escalated from %s: work has started', (from) => {
    expect(at('pick', 'escalated', escalated(from)).can(EVENTS.CANCEL)).toBe(false);
  });
});

describe('holds', () => {
  it.each([
    { kind: 'pick', state: 'assigned', event: EVENTS.START, blockedBy: ['credit', 'inventory', 'pricing', 'manual'] },
    { kind: 'pick', state: 'in_progress', event: EVENTS.COMPLETE, blockedBy: ['manual'] },
    { kind: 'delivery', state: 'assigned', event: EVENTS.PICK_UP, blockedBy: ['credit', 'inventory', 'pricing', 'address', 'manual'] },
    { kind: 'delivery', state: 'in_transit', event: EVENTS.DELIVER, blockedBy: ['address', 'manual'] },
    { kind: 'delivery', state: 'awaiting_remit', event: EVENTS.CONFIRM_REMIT, blockedBy: ['credit', 'pricing', 'manual'] },
    { kind: 'pick', state: 'specialist_review', event: EVENTS.APPROVE, blockedBy: ['credit', 'inventory', 'pricing', 'address', 'manual'] },
    { kind: 'pick', state: 'queued', event: EVENTS.FORCE_RELEASE, blockedBy: ['credit', 'inventory', 'pricing', 'address', 'manual'] },
    { kind: 'delivery', state: 'in_transit', event: EVENTS.RETURN, blockedBy: [] },
    { kind: 'pick', state: 'assigned', event: EVENTS.ESCALATE, blockedBy: [] },
  ] as const)('$kind $state: $event.type is blocked by $blockedBy', ({ kind, state, event, blockedBy }) => {
    for (const type of ['credit', 'inventory', 'pricing', 'address', 'manual'] as const) {
      const held = at(kind, state, { holds: [{ type, reason: 'r', placedBy: 'dan' }] });
      expect(held.can(event), type).toBe(!(blockedBy as readonly string[]).includes(type));
    }
  });

  it('an accepted order goes back to the pool when its last hold is released', () => {
    const snapshot = at('pick', 'on_hold', { accepted: true, priorityScore: 10, holds: [creditHold, { type: 'manual', reason: 'r', placedBy: 'dan' }] });
    const [one] = transition(machineFor('pick'), snapshot, EVENTS.RELEASE_HOLD);
    expect(one.value).toBe('on_hold');
    const [two] = transition(machineFor('pick'), one, { type: 'RELEASE_HOLD', actor: 'dan', holdType: 'manual' });
    expect(two.value).toBe('queued');
  });

  it('intake does not place again a hold a person released: the order is accepted instead', () => {
    const snapshot = at('pick', 'validating', { clearedHolds: ['credit'] });
    const [next, actions] = transition(machineFor('pick'), snapshot, { type: 'INTAKE_DECIDED', outcome: 'hold', holdType: 'credit', reason: 'over limit' });
    expect(next.value).toBe('validating');
    expect(actions.map((a) => a.type)).toEqual(['decidePriority']);
    const [other] = transition(machineFor('pick'), snapshot, { type: 'INTAKE_DECIDED', outcome: 'hold', holdType: 'pricing', reason: 'price changed' });
    expect(other.value).toBe('on_hold');
  });

  it('refuses a second hold of the same type', () => {
    expect(at('pick', 'assigned', { holds: [{ type: 'manual', reason: 'r', placedBy: 'dan' }] }).can(EVENTS.HOLD)).toBe(false);
  });
});

describe('a split from an inventory hold', () => {
  const stockHold: Hold = { type: 'inventory', reason: 'short', placedBy: 'intake rules' };
  const manualHold: Hold = { type: 'manual', reason: 'r', placedBy: 'dan' };
  it.each([
    { kind: 'pick', holds: [stockHold], allowed: true },
    { kind: 'delivery', holds: [stockHold], allowed: true },
    { kind: 'pickup_delivery', holds: [stockHold], allowed: true },
    // Another hold's owner must release it first: the parts skip intake, so a split would slip past it.
    { kind: 'pick', holds: [stockHold, manualHold], allowed: false },
    { kind: 'pick', holds: [creditHold], allowed: false },
    { kind: 'pick', holds: [{ type: 'pricing', reason: 'r', placedBy: 'intake rules' }], allowed: false },
  ] as const)('$kind on hold for $holds.length hold(s) ($holds.0.type…): split allowed is $allowed', ({ kind, holds, allowed }) => {
    const snapshot = at(kind, 'on_hold', { holds: [...holds] });
    expect(snapshot.can(EVENTS.SPLIT)).toBe(allowed);
    if (allowed) expect(effects(kind, 'on_hold', EVENTS.SPLIT, { holds: [...holds] })).toMatchObject({ state: 'split', effects: ['splitOrder'] });
  });
});
