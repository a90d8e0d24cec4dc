import { setup, transition } from 'xstate';
import { can, type Permission, type Role } from '../roles.ts';
import { APPROVAL_ACTIONS, RMA_ACTIONS, type RmaAction, type RmaApprover, type RmaState } from './rma.ts';

export interface RmaContext {
  approver: RmaApprover;
}

/** An RMA's event: the action in capitals; approving and rejecting say whether finance acts. */
export type RmaEvent = { type: Uppercase<RmaAction>; byFinance?: boolean };

/**
 * An RMA's lifecycle, pure: requested → approved (or rejected) → received → inspected → restocked | scrapped
 * → refunded | credited | exchanged. Cancelling is possible until the goods are received. What an RMA above
 * the rules' threshold needs (finance's approval) is the `approver` the rules set when it was requested.
 */
export const rmaMachine = setup({
  types: { context: {} as RmaContext, events: {} as RmaEvent, input: {} as RmaContext },
  guards: {
    approverActs: ({ context, event }) => context.approver !== 'finance' || event.byFinance === true,
  },
}).createMachine({
  id: 'rma',
  initial: 'requested',
  context: ({ input }) => ({ ...input }),
  states: {
    requested: {
      on: { APPROVE: { target: 'approved', guard: 'approverActs' }, REJECT: { target: 'rejected', guard: 'approverActs' }, CANCEL: 'cancelled' },
    },
    approved: { on: { RECEIVE: 'received', CANCEL: 'cancelled' } },
    received: { on: { INSPECT: 'inspected' } },
    inspected: { on: { RESTOCK: 'restocked', SCRAP: 'scrapped' } },
    restocked: { on: { REFUND: 'refunded', CREDIT: 'credited', EXCHANGE: 'exchanged' } },
    scrapped: { on: { REFUND: 'refunded', CREDIT: 'credited', EXCHANGE: 'exchanged' } },
    rejected: { type: 'final' },
    cancelled: { type: 'final' },
    refunded: { type: 'final' },
    credited: { type: 'final' },
    exchanged: { type: 'final' },
  },
});

export const rmaEventOf = (action: RmaAction, roles: readonly Role[]): RmaEvent => ({ type: action.toUpperCase() as Uppercase<RmaAction>, byFinance: roles.includes('finance') });

const snapshotOf = (state: RmaState, context: RmaContext) => rmaMachine.resolveState({ value: state, context });

/** The state an action leads to, or null when the lifecycle does not allow it from `state`. */
export function nextRmaState(state: RmaState, context: RmaContext, event: RmaEvent): RmaState | null {
  const snapshot = snapshotOf(state, context);
  if (!snapshot.can(event)) return null;
  const [next] = transition(rmaMachine, snapshot, event);
  return next.value as RmaState;
}

/** The permission behind an action's route. */
export const rmaPermissionOf = (action: RmaAction): Permission => ((APPROVAL_ACTIONS as readonly string[]).includes(action) ? 'returns.approve' : 'returns.process');
const mayTake = (action: RmaAction, roles: readonly Role[]): boolean => can(roles, rmaPermissionOf(action));

/** The actions a person with `roles` can take on an RMA now: what the app offers. */
export function rmaActionsFor(state: RmaState, context: RmaContext, roles: readonly Role[]): RmaAction[] {
  return RMA_ACTIONS.filter((action) => mayTake(action, roles) && nextRmaState(state, context, rmaEventOf(action, roles)) !== null);
}

/** Why an action is refused, in words a person can act on. */
export function rmaRefusal(state: RmaState, context: RmaContext, action: RmaAction): string {
  if ((APPROVAL_ACTIONS as readonly string[]).includes(action) && state === 'requested' && context.approver === 'finance')
    return 'This return is worth more than the return rules let an order processor approve: finance decides it.';
  return `A return that is ${state} cannot be ${PAST[action]}.`;
}

const PAST: Record<RmaAction, string> = {
  approve: 'approved',
  reject: 'rejected',
  cancel: 'cancelled',
  receive: 'received',
  inspect: 'inspected',
  restock: 'restocked',
  scrap: 'scrapped',
  refund: 'refunded',
  credit: 'credited',
  exchange: 'exchanged',
};
