import type { HoldType, OrderActionName, OrderState } from './lifecycle.ts';
import { describeRoles, type Role } from './roles.ts';

/**
 * Who may take each action on an order, beyond the lifecycle allowing it. Dispatchers work exceptions
 * and the floor (field events arrive through a dispatcher's app or token); specialists own reviews and
 * splits; finance owns money; order processors verify orders (prices, stock, delivery details), so they
 * hold and release the holds of verification and hand on what they cannot settle.
 */
export const ACTION_ROLES: Record<OrderActionName, readonly Role[]> = {
  // An ops manager may take a specialist's claim over (or end it), and hand the review to another specialist.
  claim: ['specialist', 'ops_manager'],
  unclaim: ['specialist', 'ops_manager'],
  approve: ['specialist'],
  reject: ['specialist'],
  split: ['specialist'],
  hold: ['dispatcher', 'specialist', 'finance', 'order_processor'],
  release_hold: ['dispatcher', 'specialist', 'finance', 'order_processor'],
  force_release: ['dispatcher'],
  reassign: ['dispatcher'],
  start: ['dispatcher'],
  complete: ['dispatcher'],
  pick_up: ['dispatcher'],
  stage: ['dispatcher'],
  depart: ['dispatcher'],
  deliver: ['dispatcher'],
  fail_attempt: ['dispatcher'],
  return: ['dispatcher'],
  confirm_remit: ['finance'],
  escalate: ['dispatcher', 'specialist', 'finance', 'ops_manager', 'order_processor'],
  resolve: ['dispatcher', 'specialist', 'finance', 'ops_manager', 'order_processor'],
  cancel: ['dispatcher', 'specialist'],
  change_priority: ['dispatcher', 'specialist'],
};

/**
 * A hold is released by the people who own its cause: finance for credit, a specialist or the order processor
 * who verified the price for prices, and the processor who checked stock or the delivery details for those.
 */
export const HOLD_RELEASERS: Record<HoldType, readonly Role[]> = {
  credit: ['finance'],
  pricing: ['specialist', 'order_processor'],
  inventory: ['dispatcher', 'specialist', 'order_processor'],
  address: ['dispatcher', 'specialist', 'order_processor'],
  manual: ['dispatcher', 'specialist'],
};

export interface ActionScope {
  action: OrderActionName;
  holdType?: HoldType | undefined;
  /** For `resolve`: the role whose queue the escalation is in; the ops manager may resolve any. */
  escalationRole?: Role | null | undefined;
  /** The order's state: reassigning a specialist's review is the ops manager's, not a dispatcher's. */
  state?: OrderState | undefined;
}

export function rolesFor({ action, holdType, escalationRole, state }: ActionScope): readonly Role[] {
  if (action === 'release_hold' && holdType) return HOLD_RELEASERS[holdType];
  if (action === 'resolve' && escalationRole) return [...new Set<Role>([escalationRole, 'ops_manager'])];
  if (action === 'reassign' && state === 'specialist_review') return ['ops_manager'];
  return ACTION_ROLES[action];
}

export function mayPerform(roles: readonly Role[], scope: ActionScope): boolean {
  const allowed = rolesFor(scope);
  return roles.some((r) => allowed.includes(r));
}

/** "Releasing a credit hold needs the finance role." */
export function roleRefusal(scope: ActionScope): string {
  const what = scope.action === 'release_hold' && scope.holdType ? `Releasing a ${scope.holdType} hold` : `The action "${scope.action}"`;
  return `${what} needs ${describeRoles(rolesFor(scope))}.`;
}
