import { z } from 'zod';
import { toTheRoad, type StopOrderAction } from '../drivers/stop-order-actions.ts';
import type { LastMileStatus } from '../last-mile.ts';
import type { OrderState } from '../lifecycle.ts';
import type { OrderKind } from '../order.ts';
import { routeSession, type SessionState } from './route-session.ts';
import type { SessionAction } from './session-machine.ts';

/** The steps of a session that move its orders: loading at the hub picks them up, leaving takes them onto the road. */
export const ORDER_MOVING_STEPS = ['pick_up', 'depart'] as const satisfies readonly SessionAction[];
export type OrderMovingStep = (typeof ORDER_MOVING_STEPS)[number];
export const movesOrders = (step: SessionAction): step is OrderMovingStep => (ORDER_MOVING_STEPS as readonly SessionAction[]).includes(step);

/** Where each step takes a session: a step asked again once the session is there is a repeat, not a refusal. */
export const SESSION_STEP_REACHES: Record<SessionAction, SessionState> = { start: 'started', pick_up: 'picked_up', depart: 'in_transit', complete: 'completed', cancel: 'cancelled' };

const DELIVERED: readonly OrderState[] = ['delivered', 'awaiting_remit', 'closed', 'completed'];
const PICKED_UP: readonly OrderState[] = ['picked_up', 'staged', 'in_transit', 'attempt_failed', ...DELIVERED];
const OFF_THE_RUN: readonly OrderState[] = ['cancelled', 'returned', 'rejected', 'split'];
const words = (state: OrderState) => state.replaceAll('_', ' ');

/** The order actions a session step sends an order through, or why the order is left as it is. */
export type SessionOrderPlan = { actions: StopOrderAction[] } | { skipped: string };

/**
 * What a moving step does to one order of the session. Loading picks up an order not yet collected; leaving
 * takes it onto the road with whatever its kind needs first (a pickup & delivery order is staged at the hub).
 * An order already there, or off the run, is skipped with why; anything else is sent the step's own action,
 * so the order's lifecycle answers with its own reason when it does not allow it.
 */
export function sessionOrderActions(step: OrderMovingStep, kind: OrderKind, state: OrderState): SessionOrderPlan {
  if (OFF_THE_RUN.includes(state)) return { skipped: `The order is ${words(state)}: it does not travel with the session.` };
  if (step === 'pick_up') return PICKED_UP.includes(state) ? { skipped: `Already ${words(state)}: its goods were collected before.` } : { actions: ['pick_up'] };
  if (DELIVERED.includes(state)) return { skipped: `Already ${words(state)}.` };
  const road = toTheRoad(kind, state);
  if (road === null) return { actions: ['depart'] };
  return road.length === 0 ? { skipped: 'Already on the road.' } : { actions: road };
}

/**
 * Whether a completed session leaves the order undelivered, and the words that say what is left to do. A closed
 * order is delivered only if its last-mile status says so: a returned order closes too.
 */
export function undeliveredReason(state: OrderState, lastMile: LastMileStatus | null): string | null {
  if (state === 'closed') return lastMile === 'Delivered' ? null : `Not delivered: the order is closed${lastMile ? ` (${lastMile.toLowerCase()})` : ''}.`;
  if (DELIVERED.includes(state)) return null;
  if (OFF_THE_RUN.includes(state)) return `Not delivered: the order is ${words(state)}.`;
  return `Not delivered yet (${words(state)}): report its delivery or failed attempt, or return it.`;
}

export const SESSION_ORDER_OUTCOMES = ['acted', 'skipped', 'refused'] as const;
export const sessionOrderResult = z.object({
  orderId: z.string(),
  /** Acted: every action below was taken. Skipped: nothing to do (the message says why). Refused: the order's lifecycle (or the caller's role) refused an action. */
  outcome: z.enum(SESSION_ORDER_OUTCOMES),
  /** The order actions taken, in order (on a refusal, those taken before it). */
  actions: z.array(z.string()),
  message: z.string().nullable(),
});
export type SessionOrderResult = z.infer<typeof sessionOrderResult>;

/** A step's answer: the session as it is now, what the step did to each of its orders, and which are not delivered on completion. */
export const sessionStepResult = routeSession.extend({
  results: z.array(sessionOrderResult),
  undelivered: z.array(z.string()),
  /** The session was already where this step leads: the orders were acted on again under the same update ids, so none moved twice. */
  repeated: z.boolean(),
});
export type SessionStepResult = z.infer<typeof sessionStepResult>;
