import type { HoldType, OrderActionName, OrderState, ReturnReason } from '../../domain/lifecycle.ts';
import { HOLD_TYPES } from '../../domain/lifecycle-states.ts';
import type { OrderSummary, StatedPriority } from '../../domain/order.ts';
import type { Role } from '../../domain/roles.ts';
import { blockingHold } from './hold-blocks.ts';
import type { OrderMachineContext } from './order-core.ts';
import type { HumanEvent } from './order-events.ts';
import { machineFor } from './machine-for-kind.ts';

/** What a person's action carries besides its name. */
export interface ActionDetails {
  actor: string;
  reason?: string;
  role?: Role;
  statedPriority?: StatedPriority;
  holdType?: HoldType;
  resolveTo?: OrderState;
  resource?: string;
  returnReason?: ReturnReason;
  parts?: number[][];
  amount?: number;
  /** The roles the person acts with: an ops manager may take a specialist's claim over. */
  actorRoles?: Role[];
  /** For `reassign`: the assignment rules' objection a person overrode (the API sets it when the request overrides). */
  objection?: string;
  /** The bulk job the action is an item of: its audit entry names the job. */
  bulkJobId?: string;
}

const why = (reason: string | undefined) => (reason ? { reason } : {});
const takeOver = (roles: readonly Role[] | undefined) => (roles?.includes('ops_manager') ? { takeOver: true as const } : {});
const amount = (value: number | undefined) => (value === undefined ? {} : { amount: value });

/** The lifecycle event each human action sends. Validation at the API makes sure the details are there. */
const ACTION_EVENTS: { [A in OrderActionName]: (d: ActionDetails) => HumanEvent } = {
  claim: ({ actor, reason, actorRoles }) => ({ type: 'CLAIM', actor, ...why(reason), ...takeOver(actorRoles) }),
  unclaim: ({ actor, reason, actorRoles }) => ({ type: 'UNCLAIM', actor, ...why(reason), ...takeOver(actorRoles) }),
  approve: ({ actor, reason }) => ({ type: 'APPROVE', actor, ...why(reason) }),
  reject: ({ actor, reason }) => ({ type: 'REJECT', actor, reason: reason ?? 'rejected by a specialist' }),
  split: ({ actor, reason, parts }) => ({ type: 'SPLIT', actor, parts: parts ?? [], ...why(reason) }),
  hold: ({ actor, reason, holdType }) => ({ type: 'HOLD', actor, holdType: holdType ?? 'manual', reason: reason ?? 'held by a person' }),
  release_hold: ({ actor, reason, holdType }) => ({ type: 'RELEASE_HOLD', actor, holdType: holdType ?? 'manual', ...why(reason) }),
  force_release: ({ actor, reason }) => ({ type: 'FORCE_RELEASE', actor, reason: reason ?? 'forced by a person' }),
  reassign: ({ actor, reason, resource, actorRoles, objection }) => ({
    type: 'REASSIGN',
    actor,
    resource: resource ?? actor,
    ...why(reason),
    ...takeOver(actorRoles),
    ...(objection ? { override: { objection } } : {}),
  }),
  start: ({ actor, reason }) => ({ type: 'START', actor, ...why(reason) }),
  complete: ({ actor, reason }) => ({ type: 'COMPLETE', actor, ...why(reason) }),
  pick_up: ({ actor, reason }) => ({ type: 'PICK_UP', actor, ...why(reason) }),
  stage: ({ actor, reason }) => ({ type: 'STAGE', actor, ...why(reason) }),
  depart: ({ actor, reason }) => ({ type: 'DEPART', actor, ...why(reason) }),
  deliver: ({ actor, reason, amount: a }) => ({ type: 'DELIVER', actor, ...why(reason), ...amount(a) }),
  fail_attempt: ({ actor, reason }) => ({ type: 'FAIL_ATTEMPT', actor, ...why(reason) }),
  return: ({ actor, reason, returnReason }) => ({ type: 'RETURN', actor, returnReason: returnReason ?? 'other', reason: reason ?? 'returned' }),
  confirm_remit: ({ actor, reason, amount: a }) => ({ type: 'CONFIRM_REMIT', actor, ...why(reason), ...amount(a) }),
  escalate: ({ actor, reason, role }) => ({ type: 'ESCALATE', actor, reason: reason ?? 'escalated by a person', role: role ?? 'dispatcher' }),
  resolve: ({ actor, reason, resolveTo }) => ({ type: 'RESOLVE', actor, ...why(reason), ...(resolveTo ? { to: resolveTo } : {}) }),
  cancel: ({ actor, reason }) => ({ type: 'CANCEL', actor, reason: reason ?? 'cancelled by a person' }),
  change_priority: ({ actor, reason, statedPriority }) => ({ type: 'CHANGE_PRIORITY', actor, statedPriority: statedPriority ?? 'normal', ...why(reason) }),
};

export const HUMAN_ACTIONS = Object.keys(ACTION_EVENTS) as OrderActionName[];

export function actionEvent(action: OrderActionName, details: ActionDetails): HumanEvent {
  return ACTION_EVENTS[action](details);
}

/** An order as far as its lifecycle is concerned: enough to rebuild its machine snapshot. */
export interface LifecycleView {
  state: OrderState;
  context: OrderMachineContext;
}

/** The lifecycle view of an order as the read model has it (what guards read is projected on every transition). */
export function lifecycleViewOf(order: OrderSummary): LifecycleView {
  return {
    state: order.state,
    context: {
      orderId: order.id,
      workAreaId: order.workAreaId,
      kind: order.kind,
      paymentMode: order.paymentMode,
      splitFrom: order.parentId,
      accepted: order.priorityScore !== null,
      priorityScore: order.priorityScore,
      escalation: order.escalation,
      holds: order.holds,
      clearedHolds: [],
      assignee: order.assignee,
      attempts: 0,
      returnReason: null,
      amountCollected: null,
      amountRemitted: null,
    },
  };
}

export const snapshotOf = ({ state, context }: LifecycleView) => machineFor(context.kind).resolveState({ value: state, context });

/** Actions on a review that its claim reserves to the specialist holding it. */
const CLAIMED: readonly OrderActionName[] = ['approve', 'reject', 'split', 'unclaim'];

/**
 * The variants of an action worth asking the machine about: a hold of each type, the release of each hold,
 * a claimed review's actions by its claimer, and an ops manager's take-over.
 */
function probes(action: OrderActionName, view: LifecycleView): ActionDetails[] {
  if (action === 'hold') return HOLD_TYPES.map((holdType) => ({ actor: 'nobody', holdType }));
  if (action === 'release_hold') return view.context.holds.map((h) => ({ actor: 'nobody', holdType: h.type }));
  if (CLAIMED.includes(action)) return [{ actor: view.context.assignee ?? 'nobody' }];
  if (action === 'claim' || action === 'reassign') return [{ actor: 'nobody' }, { actor: 'nobody', actorRoles: ['ops_manager'] }];
  return [{ actor: 'nobody' }];
}

/** Whose claim on a review stands in the way of this person's action, if anyone's. */
function claimedByOther(action: OrderActionName, view: LifecycleView, details: ActionDetails): string | null {
  const claimer = view.context.assignee;
  if (view.state !== 'specialist_review' || claimer === null || claimer === details.actor) return null;
  return action === 'claim' || CLAIMED.includes(action) ? claimer : null;
}

/** Which human actions the lifecycle allows now; the API shows these, the workflow enforces them. */
export function allowedActions(view: LifecycleView): OrderActionName[] {
  const snapshot = snapshotOf(view);
  return HUMAN_ACTIONS.filter((action) => probes(action, view).some((details) => snapshot.can(actionEvent(action, details))));
}

/** Why an action is refused, in words a person can act on: the hold in the way, or what is allowed instead. */
export function refusalMessage(action: OrderActionName, view: LifecycleView, details: ActionDetails = { actor: 'nobody' }): string {
  const event = actionEvent(action, details);
  const hold = blockingHold(view.context.holds, event.type);
  if (hold && snapshotOf({ ...view, context: { ...view.context, holds: [] } }).can(event)) {
    return `Action "${action}" is blocked by the ${hold.type} hold (${hold.reason}). The hold must be released first.`;
  }
  // The claimer's own second claim: listing "claim" among what is allowed would only confuse them.
  if (action === 'claim' && view.state === 'specialist_review' && view.context.assignee === details.actor) {
    return 'You hold the claim on this order already: approve, reject or split it, or release your claim.';
  }
  const claimer = claimedByOther(action, view, details);
  if (claimer) {
    return `The order is claimed by ${claimer}: only they may ${action.replace('_', ' ')} it until they release their claim (unclaim), or an ops manager takes it over or hands it to another specialist.`;
  }
  const allowed = allowedActions(view);
  const now = allowed.length > 0 ? `Allowed now: ${allowed.join(', ')}.` : 'No action is allowed in this state.';
  return `Action "${action}" is not allowed while the order is ${view.state.replaceAll('_', ' ')}. ${now}`;
}
