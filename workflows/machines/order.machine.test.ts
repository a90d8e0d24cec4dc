import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { ORDER_STATES, type OrderState } from '../../domain/order.ts';
import { allowedActions, refusalMessage } from './order-actions.ts';
import { orderMachine, type OrderMachineEvent } from './order.machine.ts';

const input = { orderId: 'o-1', workAreaId: 'pick-a' };
const PRIORITIZED: OrderMachineEvent = { type: 'PRIORITIZED', score: 12, decisionId: 'd-1' };
const REPRIORITIZED: OrderMachineEvent = { type: 'REPRIORITIZED', score: 40, decisionId: 'd-2' };
const RELEASE: OrderMachineEvent = { type: 'RELEASE', workAreaId: 'pick-a' };
const START: OrderMachineEvent = { type: 'START', actor: 'ana' };
const COMPLETE: OrderMachineEvent = { type: 'COMPLETE', actor: 'ana' };
const EVENTS = [PRIORITIZED, REPRIORITIZED, RELEASE, START, COMPLETE];

/** state × event → next state, or null where the lifecycle refuses the event. */
const TABLE: Record<OrderState, Record<OrderMachineEvent['type'], OrderState | null>> = {
  captured: { PRIORITIZED: 'queued', REPRIORITIZED: null, RELEASE: null, START: null, COMPLETE: null },
  queued: { PRIORITIZED: null, REPRIORITIZED: 'queued', RELEASE: 'released', START: null, COMPLETE: null },
  released: { PRIORITIZED: null, REPRIORITIZED: null, RELEASE: null, START: 'in_progress', COMPLETE: null },
  in_progress: { PRIORITIZED: null, REPRIORITIZED: null, RELEASE: null, START: null, COMPLETE: 'completed' },
  completed: { PRIORITIZED: null, REPRIORITIZED: null, RELEASE: null, START: null, COMPLETE: null },
};

const at = (state: OrderState) => orderMachine.resolveState({ value: state, context: { ...input, priorityScore: null } });

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
    { state: 'captured', event: PRIORITIZED, effects: ['requestRelease'] },
    { state: 'queued', event: RELEASE, effects: [] },
    { state: 'queued', event: REPRIORITIZED, effects: ['updatePoolRank'] },
    { state: 'in_progress', event: COMPLETE, effects: ['freeCapacity'] },
  ] as const)('$state + $event.type emits $effects', ({ state, event, effects }) => {
    const [, actions] = transition(orderMachine, at(state), event);
    expect(actions.map((a) => a.type)).toEqual(effects);
  });

  it('keeps the priority score in context', () => {
    const [snapshot] = transition(orderMachine, at('captured'), { type: 'PRIORITIZED', score: 42, decisionId: 'd' });
    expect(snapshot.context.priorityScore).toBe(42);
  });

  it('completed is final', () => {
    expect(at('completed').status).toBe('done');
  });
});

describe('human actions', () => {
  it.each([
    { state: 'captured', allowed: [] },
    { state: 'queued', allowed: [] },
    { state: 'released', allowed: ['start'] },
    { state: 'in_progress', allowed: ['complete'] },
    { state: 'completed', allowed: [] },
  ] as const)('$state allows $allowed', ({ state, allowed }) => {
    expect(allowedActions(state)).toEqual(allowed);
  });

  it('explains a refusal in words a dispatcher can act on', () => {
    expect(refusalMessage('complete', 'queued')).toBe('Action "complete" is not allowed while the order is queued. No action is allowed in this state.');
    expect(refusalMessage('complete', 'released')).toBe('Action "complete" is not allowed while the order is released. Allowed now: start.');
  });
});
