import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { ORDER_STATES, type Escalation, type OrderState } from '../../domain/order.ts';
import { allowedActions, refusalMessage } from './order-actions.ts';
import { orderMachine, type OrderMachineEvent } from './order.machine.ts';

const input = { orderId: 'o-1', workAreaId: 'pick-a' };
const PRIORITIZED: OrderMachineEvent = { type: 'PRIORITIZED', score: 12, decisionId: 'd-1' };
const REPRIORITIZED: OrderMachineEvent = { type: 'REPRIORITIZED', score: 40, decisionId: 'd-2' };
const RELEASE: OrderMachineEvent = { type: 'RELEASE', workAreaId: 'pick-a' };
const START: OrderMachineEvent = { type: 'START', actor: 'ana' };
const COMPLETE: OrderMachineEvent = { type: 'COMPLETE', actor: 'ana' };
const ESCALATE: OrderMachineEvent = { type: 'ESCALATE', actor: 'system', reason: 'Still queued after 240 minutes', role: 'dispatcher' };
const RESOLVE: OrderMachineEvent = { type: 'RESOLVE', actor: 'dan' };
const CANCEL: OrderMachineEvent = { type: 'CANCEL', actor: 'dan', reason: 'customer withdrew' };
const CHANGE_PRIORITY: OrderMachineEvent = { type: 'CHANGE_PRIORITY', actor: 'dan', statedPriority: 'urgent' };
const EVENTS = [PRIORITIZED, REPRIORITIZED, RELEASE, START, COMPLETE, ESCALATE, RESOLVE, CANCEL, CHANGE_PRIORITY];
type EventType = OrderMachineEvent['type'];

const none = { PRIORITIZED: null, REPRIORITIZED: null, RELEASE: null, START: null, COMPLETE: null, ESCALATE: null, RESOLVE: null, CANCEL: null, CHANGE_PRIORITY: null };
/** state × event → next state, or null where the lifecycle refuses the event. `escalated` came from queued. */
const TABLE: Record<OrderState, Record<EventType, OrderState | null>> = {
  captured: { ...none, PRIORITIZED: 'queued' },
  queued: { ...none, REPRIORITIZED: 'queued', RELEASE: 'released', ESCALATE: 'escalated', CANCEL: 'cancelled', CHANGE_PRIORITY: 'queued' },
  released: { ...none, START: 'in_progress', ESCALATE: 'escalated', CANCEL: 'cancelled' },
  in_progress: { ...none, COMPLETE: 'completed', ESCALATE: 'escalated' },
  escalated: { ...none, RELEASE: 'released', RESOLVE: 'queued', CANCEL: 'cancelled' },
  completed: none,
  cancelled: none,
};

const escalatedFrom = (from: Escalation['from']): Escalation => ({ reason: 'late', role: 'dispatcher', from });
const at = (state: OrderState, escalation: Escalation | null = state === 'escalated' ? escalatedFrom('queued') : null) =>
  orderMachine.resolveState({ value: state, context: { ...input, priorityScore: null, escalation } });

describe('order machine', () => {
  it('starts captured and asks for a priority decision', () => {
    const [snapshot, actions] = initialTransition(orderMachine, input);
    expect(snapshot.value).toBe('captured');
    expect(actions.map((a) => a.type)).toEqual(['decidePriority']);
  });

  const rows = ORDER_STATES.flatMap((state) => EVENTS.map((event) => ({ state, event: event.type, next: TABLE[state][event.type], payload: event })));
  it.each(rows)('$state + $event → $next', ({ state, payload, next }) => {
    const snapshot = at(state);
    expect(snapshot.can(payload)).toBe(next !== null);
    if (next !== null) expect(transition(orderMachine, snapshot, payload)[0].value).toBe(next);
  });

  it.each([
    { state: 'captured', event: PRIORITIZED, effects: ['requestRelease', 'armDeadline'] },
    { state: 'queued', event: RELEASE, effects: ['armDeadline'] },
    { state: 'queued', event: REPRIORITIZED, effects: ['updatePoolRank'] },
    { state: 'queued', event: ESCALATE, effects: [] },
    { state: 'escalated', event: RESOLVE, effects: ['requestRelease', 'armDeadline'] },
    { state: 'in_progress', event: COMPLETE, effects: ['freeCapacity'] },
    { state: 'queued', event: CANCEL, effects: ['withdraw'] },
    { state: 'released', event: CANCEL, effects: ['withdraw'] },
    { state: 'queued', event: CHANGE_PRIORITY, effects: ['restatePriority'] },
  ] as const)('$state + $event.type emits $effects', ({ state, event, effects }) => {
    const [, actions] = transition(orderMachine, at(state), event);
    expect(actions.map((a) => a.type)).toEqual(effects);
  });

  it('keeps the priority score in context', () => {
    const [snapshot] = transition(orderMachine, at('captured'), PRIORITIZED);
    expect(snapshot.context.priorityScore).toBe(12);
  });

  it.each(['queued', 'released', 'in_progress'] as const)('an order escalated from %s is resolved back to it, and only to it', (from) => {
    const [escalated] = transition(orderMachine, at(from), ESCALATE);
    expect(escalated.context.escalation).toEqual({ reason: 'Still queued after 240 minutes', role: 'dispatcher', from });
    const [resolved] = transition(orderMachine, escalated, RESOLVE);
    expect(resolved.value).toBe(from);
    expect(resolved.context.escalation).toBeNull();
  });

  it('an order escalated after its release is not released again', () => {
    expect(at('escalated', escalatedFrom('released')).can(RELEASE)).toBe(false);
  });

  it('completed and cancelled are final', () => {
    expect(at('completed').status).toBe('done');
    expect(at('cancelled').status).toBe('done');
  });

  it('an order escalated while in progress can no longer be cancelled', () => {
    expect(at('escalated', escalatedFrom('in_progress')).can(CANCEL)).toBe(false);
  });
});

describe('human actions', () => {
  it.each([
    { state: 'captured', allowed: [] },
    { state: 'queued', allowed: ['escalate', 'cancel', 'change_priority'] },
    { state: 'released', allowed: ['start', 'escalate', 'cancel'] },
    { state: 'in_progress', allowed: ['complete', 'escalate'] },
    { state: 'escalated', allowed: ['resolve', 'cancel'] },
    { state: 'completed', allowed: [] },
    { state: 'cancelled', allowed: [] },
  ] as const)('$state allows $allowed', ({ state, allowed }) => {
    expect(allowedActions(state, state === 'escalated' ? escalatedFrom('released') : null)).toEqual(allowed);
  });

  it('explains a refusal in words a dispatcher can act on', () => {
    expect(refusalMessage('complete', 'captured')).toBe('Action "complete" is not allowed while the order is captured. No action is allowed in this state.');
    expect(refusalMessage('complete', 'released')).toBe('Action "complete" is not allowed while the order is released. Allowed now: start, escalate, cancel.');
  });
});
