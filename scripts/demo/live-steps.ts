import { rolesFor } from '../../domain/action-roles.ts';
import { lineTotals, type OrderActionRequest, type OrderDetail, type OrderState } from '../../domain/order.ts';
import type { Role } from '../../domain/roles.ts';
import { truncatedErlang2 } from '../../sim/distributions.ts';
import type { Uniform } from '../../sim/random-streams.ts';

/** Mean minutes of the operation's time an order spends in a state before someone acts on it; absent: the system moves it on. */
const DWELL_MINUTES: Partial<Record<OrderState, number>> = {
  on_hold: 90,
  specialist_review: 45,
  assigned: 10,
  in_progress: 50,
  picked_up: 8,
  staged: 20,
  in_transit: 30,
  attempt_failed: 40,
  awaiting_remit: 60,
  escalated: 45,
};

const dwells = new Map<OrderState, (u: Uniform) => number>();

/**
 * When people or drivers next act on an order in `state`, in minutes of the operation's time: a 2-Erlang cut
 * at six times its mean, as the simulator draws work times; null: not theirs to move.
 */
export function dwellMinutes(state: OrderState, u: Uniform): number | null {
  const mean = DWELL_MINUTES[state];
  if (mean === undefined) return null;
  if (!dwells.has(state)) dwells.set(state, truncatedErlang2(mean, 6 * mean));
  return dwells.get(state)!(u);
}

/**
 * What a person or driver does with an order they have let wait its while: claim and approve a review, clear
 * a hold, start and complete work, drive a delivery to the door (now and then failing or refused), hand in
 * the cash, resolve an escalation. A production order's routing steps are reported done one by one, each by
 * the operation-completed route, as a line terminal would; the last completes the order. Null: nothing for
 * them to do in this state.
 */
export function liveStep(
  order: Pick<OrderDetail, 'state' | 'kind' | 'paymentMode' | 'holds' | 'escalation' | 'lines' | 'assignee' | 'operations'>,
  outcome: Uniform,
): ({ request: OrderActionRequest } | { operation: number }) & { role: Role } | null {
  const as = (request: OrderActionRequest, role: Role = rolesFor({ action: request.action, state: order.state })[0]!) => ({ request, role });
  const nextOperation = order.operations.find((op) => op.state !== 'done');
  const due = lineTotals(order.lines).orderValue;
  switch (order.state) {
    case 'on_hold': {
      const holdType = order.holds[0]?.type ?? 'manual';
      return as({ action: 'release_hold', holdType, reason: 'Checked with the account: it may go.' }, rolesFor({ action: 'release_hold', holdType })[0]!);
    }
    case 'specialist_review':
      return order.assignee ? as({ action: 'approve' }) : as({ action: 'claim' });
    case 'assigned':
      return as({ action: order.kind === 'pick' || order.kind === 'production' ? 'start' : 'pick_up' });
    case 'in_progress':
      return nextOperation ? { operation: nextOperation.position, role: 'dispatcher' } : as({ action: 'complete' });
    case 'picked_up':
      return as({ action: order.kind === 'pickup_delivery' ? 'stage' : 'depart' });
    case 'staged':
      return as({ action: 'depart' });
    case 'in_transit': {
      const r = outcome();
      if (r < 0.08) return as({ action: 'fail_attempt', reason: 'Nobody at home.' });
      if (r < 0.11) return as({ action: 'return', returnReason: r < 0.1 ? 'customer_refused' : 'damaged', reason: 'Came back with the driver.' });
      return as({ action: 'deliver', ...(order.paymentMode === 'cod' ? { amount: due } : {}) });
    }
    case 'attempt_failed':
      return outcome() < 0.6 ? as({ action: 'depart' }) : as({ action: 'return', returnReason: 'not_home', reason: 'Three tries, nobody at home.' });
    case 'awaiting_remit':
      return as({ action: 'confirm_remit', amount: due });
    case 'escalated':
      return outcome() < 0.9 ? as({ action: 'resolve', reason: 'Sorted out with the customer.' }, 'ops_manager') : as({ action: 'cancel', reason: 'The customer gave up.' });
    default:
      return null;
  }
}
