import { describe, expect, it } from 'vitest';
import { SESSION_STATES, type SessionState } from './route-session.ts';
import { nextSessionState, SESSION_ACTIONS, sessionRefusal, type SessionAction } from './session-machine.ts';

/** Every state × action: where it leads, or null where the lifecycle refuses it. */
const TABLE: Record<SessionState, Partial<Record<SessionAction, SessionState>>> = {
  open: { start: 'started', cancel: 'cancelled' },
  started: { pick_up: 'picked_up', cancel: 'cancelled' },
  picked_up: { depart: 'in_transit' },
  in_transit: { complete: 'completed' },
  completed: {},
  cancelled: {},
};
const cases = SESSION_STATES.flatMap((state) => SESSION_ACTIONS.map((action) => ({ state, action, expected: TABLE[state][action] ?? null })));

describe('the route session lifecycle', () => {
  it.each(cases)('$state + $action → $expected', ({ state, action, expected }) => {
    expect(nextSessionState(state, action)).toBe(expected);
  });

  it.each([
    { state: 'picked_up', action: 'cancel', message: /goods are on board: finish the run/ },
    { state: 'in_transit', action: 'cancel', message: /goods are on board/ },
    { state: 'open', action: 'depart', message: /^A session that is open cannot be sent in transit\.$/ },
    { state: 'completed', action: 'start', message: /^A session that is completed cannot be started\.$/ },
  ] as const)('says why $state + $action is refused', ({ state, action, message }) => {
    expect(sessionRefusal(state, action)).toMatch(message);
  });
});
