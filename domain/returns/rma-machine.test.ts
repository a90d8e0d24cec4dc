import { describe, expect, it } from 'vitest';
import { RMA_ACTIONS, RMA_STATES, type RmaAction, type RmaState } from './rma.ts';
import { nextRmaState, rmaActionsFor, rmaEventOf, rmaRefusal } from './rma-machine.ts';

/** Every state × action: where it leads, or null where the lifecycle refuses it. */
const TABLE: Record<RmaState, Partial<Record<RmaAction, RmaState>>> = {
  requested: { approve: 'approved', reject: 'rejected', cancel: 'cancelled' },
  approved: { receive: 'received', cancel: 'cancelled' },
  received: { inspect: 'inspected' },
  inspected: { restock: 'restocked', scrap: 'scrapped' },
  restocked: { refund: 'refunded', credit: 'credited', exchange: 'exchanged' },
  scrapped: { refund: 'refunded', credit: 'credited', exchange: 'exchanged' },
  rejected: {},
  cancelled: {},
  refunded: {},
  credited: {},
  exchanged: {},
};

const cases = RMA_STATES.flatMap((state) => RMA_ACTIONS.map((action) => ({ state, action, expected: TABLE[state][action] ?? null })));

describe('the RMA lifecycle', () => {
  it.each(cases)('$state + $action → $expected (approved by the order processor)', ({ state, action, expected }) => {
    expect(nextRmaState(state, { approver: 'order_processor' }, rmaEventOf(action, ['order_processor']))).toBe(expected);
  });

  it.each(cases)('$state + $action → $expected (above the threshold, finance acting)', ({ state, action, expected }) => {
    expect(nextRmaState(state, { approver: 'finance' }, rmaEventOf(action, ['finance']))).toBe(expected);
  });

  it.each(['approve', 'reject'] as const)('above the threshold, an order processor cannot %s, and is told finance decides', (action) => {
    expect(nextRmaState('requested', { approver: 'finance' }, rmaEventOf(action, ['order_processor']))).toBeNull();
    expect(rmaRefusal('requested', { approver: 'finance' }, action)).toMatch(/finance decides/);
  });

  it.each([
    { state: 'requested', approver: 'order_processor', roles: ['order_processor'], actions: ['approve', 'reject', 'cancel'] },
    { state: 'requested', approver: 'finance', roles: ['order_processor'], actions: ['cancel'] },
    { state: 'requested', approver: 'finance', roles: ['finance'], actions: ['approve', 'reject'] },
    { state: 'requested', approver: 'order_processor', roles: ['dispatcher'], actions: [] },
    { state: 'inspected', approver: 'order_processor', roles: ['order_processor'], actions: ['restock', 'scrap'] },
    { state: 'scrapped', approver: 'finance', roles: ['finance'], actions: [] },
    { state: 'credited', approver: 'order_processor', roles: ['order_processor'], actions: [] },
  ] as const)('offers $roles on a $state RMA (approver $approver): $actions', ({ state, approver, roles, actions }) => {
    expect(rmaActionsFor(state, { approver }, roles)).toEqual(actions);
  });

  it('says which state refuses an action', () => {
    expect(rmaRefusal('requested', { approver: 'order_processor' }, 'receive')).toBe('A return that is requested cannot be received.');
  });
});
