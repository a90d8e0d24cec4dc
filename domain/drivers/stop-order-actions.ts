import type { OrderState } from '../lifecycle.ts';
import type { OrderKind } from '../order.ts';
import type { StopKind } from '../trips/trip.ts';
import type { ReportedStatus } from './stop-report.ts';

/** An order action a stop report sends, in the order sent. */
export type StopOrderAction = 'pick_up' | 'stage' | 'depart' | 'deliver' | 'fail_attempt';

/** The steps from where the goods are to the road: a pickup & delivery order stops at the hub (staged) first; null where no step leads there. */
export function toTheRoad(kind: OrderKind, state: OrderState): StopOrderAction[] | null {
  const staging = kind === 'pickup_delivery';
  switch (state) {
    case 'assigned':
      return ['pick_up', ...(staging ? (['stage'] as const) : []), 'depart'];
    case 'picked_up':
      return staging ? ['stage', 'depart'] : ['depart'];
    case 'staged':
    case 'attempt_failed':
      return ['depart'];
    case 'in_transit':
      return [];
    default:
      return null;
  }
}

/**
 * The order actions a stop report takes the order through, so that its last-mile status follows its stops:
 * a pickup done picks the goods up; a drop-off done or failed takes the order onto the road (if a pickup on
 * another trip or at the depot did not already) and delivers it or records the failed attempt. Arriving
 * changes nothing on the order, and nor does a failed pickup: the goods never left, so the order stays
 * assigned for the dispatcher to put on another trip. `refused` when the order is where no report can move it.
 */
export function stopOrderActions(kind: OrderKind, state: OrderState, stop: StopKind, status: ReportedStatus): { actions: StopOrderAction[] } | { refused: string } {
  if (status === 'arrived') return { actions: [] };
  if (stop === 'pickup') {
    if (status === 'failed') return { actions: [] };
    if (state === 'assigned') return { actions: ['pick_up'] };
    if (['picked_up', 'staged', 'in_transit', 'attempt_failed'].includes(state)) return { actions: [] };
    return { refused: refusal(state) };
  }
  const road = toTheRoad(kind, state);
  if (!road) return { refused: refusal(state) };
  return { actions: [...road, status === 'done' ? 'deliver' : 'fail_attempt'] };
}

const refusal = (state: OrderState) =>
  `The order is ${state.replace(/_/g, ' ')}, not with you on the road: nothing was recorded. Call your dispatcher.`;
