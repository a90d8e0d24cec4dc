import { setup, transition } from 'xstate';
import { SESSION_STATE_LABELS, type SessionState } from './route-session.ts';

/** A step of one run of a route: the driver starts it, loads at the hub, leaves, and finishes; a dispatcher may call it off before loading. */
export const SESSION_ACTIONS = ['start', 'pick_up', 'depart', 'complete', 'cancel'] as const;
export type SessionAction = (typeof SESSION_ACTIONS)[number];
export type SessionEvent = { type: Uppercase<SessionAction> };

/**
 * A route session's lifecycle, pure: open → started → picked_up → in_transit → completed; cancelled while open
 * or started (once loaded, the goods are on board: the run finishes and undelivered orders are returned).
 */
export const sessionMachine = setup({ types: { events: {} as SessionEvent } }).createMachine({
  id: 'routeSession',
  initial: 'open',
  states: {
    open: { on: { START: 'started', CANCEL: 'cancelled' } },
    started: { on: { PICK_UP: 'picked_up', CANCEL: 'cancelled' } },
    picked_up: { on: { DEPART: 'in_transit' } },
    in_transit: { on: { COMPLETE: 'completed' } },
    completed: { type: 'final' },
    cancelled: { type: 'final' },
  },
});

/** The state an action leads to, or null when the lifecycle does not allow it from `state`. */
export function nextSessionState(state: SessionState, action: SessionAction): SessionState | null {
  const snapshot = sessionMachine.resolveState({ value: state, context: undefined });
  const event = { type: action.toUpperCase() } as SessionEvent;
  if (!snapshot.can(event)) return null;
  const [next] = transition(sessionMachine, snapshot, event);
  return next.value as SessionState;
}

const PAST: Record<SessionAction, string> = { start: 'started', pick_up: 'marked picked up', depart: 'sent in transit', complete: 'completed', cancel: 'cancelled' };

/** Why an action is refused, in words a dispatcher can act on. */
export function sessionRefusal(state: SessionState, action: SessionAction): string {
  if (action === 'cancel' && (state === 'picked_up' || state === 'in_transit')) return 'The goods are on board: finish the run and return what is not delivered, instead of cancelling it.';
  return `A session that is ${SESSION_STATE_LABELS[state].toLowerCase()} cannot be ${PAST[action]}.`;
}
