import { mayPerform, rolesFor, type ActionScope } from '../../../domain/action-roles.ts';
import { HOLD_TYPES, type Hold, type HoldType, type OrderActionName, type OrderDetail, type OrderState } from '../../../domain/order.ts';
import type { Role } from '../../../domain/roles.ts';
import { RESOLVE_TARGETS } from '../../../domain/resolve-targets.ts';

export type ActionableOrder = Pick<OrderDetail, 'allowedActions' | 'holds' | 'escalation' | 'lines'> & Partial<Pick<OrderDetail, 'state' | 'assignee'>>;

const scopeOf = (order: ActionableOrder, action: OrderActionName, holdType?: HoldType): ActionScope => ({
  action,
  holdType,
  escalationRole: order.escalation?.role ?? null,
  state: order.state,
});

/** Each hold type is released by the people who own its cause, so a person may release some holds and not others. */
export function releasableHolds(order: ActionableOrder, roles: readonly Role[]): Hold[] {
  return order.holds.filter((hold) => mayPerform(roles, scopeOf(order, 'release_hold', hold.type)));
}

/** The options each action with a choice offers this person on this order. */
export interface ActionChoices {
  /** The lifecycle takes one hold of each type: a type already on the order cannot be placed again. */
  holdTypes: HoldType[];
  releaseHoldTypes: HoldType[];
  /** Where an escalated order may be sent back to, the default first. */
  resolveTargets: readonly OrderState[];
}

export function actionChoices(order: ActionableOrder, roles: readonly Role[]): ActionChoices {
  return {
    holdTypes: HOLD_TYPES.filter((type) => !order.holds.some((hold) => hold.type === type)),
    releaseHoldTypes: releasableHolds(order, roles).map((hold) => hold.type),
    resolveTargets: order.escalation ? RESOLVE_TARGETS[order.escalation.from] : [],
  };
}

/** Two parts with a line each are the least a split makes, so a one-line order cannot be split. */
const possible = (order: ActionableOrder, action: OrderActionName) => action !== 'split' || order.lines.length >= 2;

/** Actions on a review that its claim reserves to the specialist holding it, as the lifecycle's guards do. */
const CLAIMED: readonly OrderActionName[] = ['approve', 'reject', 'split'];

/**
 * Whether a review's claim leaves this action to this person. The order's allowed actions are anyone's: a
 * claimed review allows a claim (an ops manager's take-over) and its claimer's actions, while the lifecycle
 * refuses a second claim to whoever is not taking over, the claimer included.
 */
function claimLeaves(order: ActionableOrder, action: OrderActionName, roles: readonly Role[], me: string): boolean {
  const claimer = order.state === 'specialist_review' ? (order.assignee ?? null) : null;
  if (claimer === null) return true;
  if (action === 'claim') return claimer !== me && roles.includes('ops_manager');
  if (action === 'unclaim') return claimer === me || roles.includes('ops_manager');
  return !CLAIMED.includes(action) || claimer === me;
}

/**
 * What the lifecycle allows now and this person (`me`, their user name, as the API names the actor) may do;
 * the API enforces it, this decides what to offer.
 */
export function actionsFor(order: ActionableOrder, roles: readonly Role[], me: string): OrderActionName[] {
  return order.allowedActions.filter(
    (action) =>
      possible(order, action) &&
      claimLeaves(order, action, roles, me) &&
      (action === 'release_hold' ? releasableHolds(order, roles).length > 0 : mayPerform(roles, scopeOf(order, action))),
  );
}

export interface OthersAction {
  action: OrderActionName;
  holdType?: HoldType;
  roles: readonly Role[];
}

/** What the lifecycle allows now but needs another role, so that fewer buttons do not read as "nothing can happen". */
export function actionsForOthers(order: ActionableOrder, roles: readonly Role[]): OthersAction[] {
  return order.allowedActions.filter((action) => possible(order, action)).flatMap((action) => {
    const scopes = action === 'release_hold' ? order.holds.map((hold) => scopeOf(order, action, hold.type)) : [scopeOf(order, action)];
    return scopes
      .filter((scope) => !mayPerform(roles, scope))
      .map((scope) => ({ action, ...(scope.holdType ? { holdType: scope.holdType } : {}), roles: rolesFor(scope) }));
  });
}
