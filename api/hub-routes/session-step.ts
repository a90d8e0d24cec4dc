import { movesOrders, SESSION_STEP_REACHES, sessionOrderActions, undeliveredReason, type OrderMovingStep, type SessionOrderResult } from '../../domain/routes/session-order-actions.ts';
import { nextSessionState, type SessionAction } from '../../domain/routes/session-machine.ts';
import type { RouteSession } from '../../domain/routes/route-session.ts';
import type { Role } from '../../domain/roles.ts';
import { OrderRecord } from '../../store/order.entity.ts';
import { RouteRefusal } from '../../store/routes/route-refusal.ts';
import { readSession, stepSession } from '../../store/routes/route-sessions.ts';
import { recordSessionOrderMoves } from '../../store/routes/session-order-moves.ts';
import type { ApiDeps } from '../api-deps.ts';
import { UserError } from '../errors.ts';
import { performAction } from '../order-actions.ts';

type Deps = Pick<ApiDeps, 'store' | 'temporal'>;
const refused = (message: string) => new UserError(409, 'conflict', message);

/**
 * Takes each order of the session through the actions the step needs, one order at a time through its own
 * workflow's update, each under an id made of session, step, order and action: a step sent again (a retry, a
 * second click, two dispatchers at once) joins the first send instead of acting twice.
 */
async function moveOrders(deps: Deps, session: RouteSession, step: OrderMovingStep, actor: { name: string; roles: Role[] }): Promise<SessionOrderResult[]> {
  const ids = session.orders.map((o) => o.orderId);
  const orders = new Map((await deps.store.em.fork().find(OrderRecord, { id: { $in: ids } }, { refresh: true })).map((o) => [o.id, o]));
  const results: SessionOrderResult[] = [];
  for (const orderId of ids) {
    const order = orders.get(orderId);
    if (!order) {
      results.push({ orderId, outcome: 'skipped', actions: [], message: 'No such order any more.' });
      continue;
    }
    const plan = sessionOrderActions(step, order.kind, order.state);
    if ('skipped' in plan) {
      results.push({ orderId, outcome: 'skipped', actions: [], message: plan.skipped });
      continue;
    }
    const taken: string[] = [];
    try {
      for (const action of plan.actions) {
        await performAction(deps, orderId, { action }, actor, { updateId: `route-session:${session.id}:${step}:${orderId}:${action}` });
        taken.push(action);
      }
      results.push({ orderId, outcome: 'acted', actions: taken, message: null });
    } catch (err) {
      // Temporal away is no refusal: the caller sends the step again, and the repeat moves what this one did not.
      if (!(err instanceof UserError) || err.status >= 500) throw err;
      results.push({ orderId, outcome: 'refused', actions: taken, message: err.message });
    }
  }
  return results;
}

/** What completing finds each order of the session at: delivered, or not yet, with what is left to do. */
async function completionResults(deps: Deps, session: RouteSession): Promise<{ results: SessionOrderResult[]; undelivered: string[] }> {
  const orders = new Map((await deps.store.em.fork().find(OrderRecord, { id: { $in: session.orders.map((o) => o.orderId) } }, { refresh: true })).map((o) => [o.id, o]));
  const reasons = session.orders.map(({ orderId }) => {
    const order = orders.get(orderId);
    return { orderId, reason: order ? undeliveredReason(order.state, order.lastMileStatus ?? null) : 'No such order any more.' };
  });
  return {
    results: reasons.map(({ orderId, reason }) => ({ orderId, outcome: 'skipped', actions: [], message: reason ?? 'Delivered.' })),
    undelivered: reasons.filter((r) => r.reason !== null).map((r) => r.orderId),
  };
}

/**
 * One step of a session with its orders following it. The session steps first (a conditional update, so of two
 * dispatchers at once one steps it); loading and leaving then move its orders. A loading or leaving step asked
 * again once the session is there is a repeat: it moves what the first left unmoved and nothing twice.
 * Completing forces nothing on the orders (each delivery is reported on its own) but names those not delivered.
 */
export async function takeSessionStep(
  deps: Deps,
  id: string,
  step: { action: SessionAction; reason: string | null; actor: { name: string; roles: Role[] }; now: Date },
): Promise<{ results: SessionOrderResult[]; undelivered: string[]; repeated: boolean }> {
  const before = await readSession(deps.store.em.fork(), id);
  if (!before) throw refused(`No route session ${id}.`);
  const isRepeat = (state: RouteSession['state']) => movesOrders(step.action) && state === SESSION_STEP_REACHES[step.action];
  let repeated = false;
  // The orders a completed session lets go of are read before it lets go of them.
  const completion = step.action === 'complete' ? await completionResults(deps, before) : null;
  if (nextSessionState(before.state, step.action) === null && isRepeat(before.state)) repeated = true;
  else {
    try {
      await stepSession(deps.store.em, id, { action: step.action, reason: step.reason, by: step.actor.name, now: step.now });
    } catch (err) {
      if (!(err instanceof RouteRefusal)) throw err;
      const now = await readSession(deps.store.em.fork(), id);
      if (!now || !isRepeat(now.state)) throw refused(err.message);
      repeated = true;
    }
  }
  const outcome = movesOrders(step.action) ? { results: await moveOrders(deps, before, step.action, step.actor), undelivered: [] } : completion;
  if (!outcome) return { results: [], undelivered: [], repeated };
  await recordSessionOrderMoves(deps.store.em.fork(), id, { action: step.action, ...outcome, repeated, by: step.actor.name, now: step.now });
  return { ...outcome, repeated };
}
