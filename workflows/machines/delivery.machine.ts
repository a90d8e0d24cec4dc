import { initialContext, orderCore } from './order-core.ts';
import { assignedState, escalatedState, escalateFrom, holdInPlace, intakeStates, remitCheckpoint } from './order-states.ts';

/**
 * Delivery kinds: released → assigned → picked_up → in_transit → delivered → (awaiting_remit) → closed, a
 * failed attempt on the way, and returns from assigned or in transit. Pickup & delivery orders stop at a
 * warehouse between pickup and the road (`staged`).
 */
function deliveryMachine(id: string, staging: boolean) {
  return orderCore.createMachine({
    id,
    initial: 'captured',
    context: ({ input }) => initialContext(input),
    states: {
      ...intakeStates,
      assigned: assignedState({ PICK_UP: { guard: 'notHeld', target: 'picked_up' } } as const),
      picked_up: {
        entry: 'armDeadline',
        on: {
          ...(staging ? { STAGE: { guard: 'notHeld', target: 'staged' } } : { DEPART: { guard: 'notHeld', target: 'in_transit' } }),
          ...holdInPlace,
          ESCALATE: escalateFrom('picked_up'),
        },
      },
      ...(staging ? { staged: { entry: 'armDeadline', on: { DEPART: { guard: 'notHeld', target: 'in_transit' }, ...holdInPlace, ESCALATE: escalateFrom('staged') } } } : {}),
      in_transit: {
        entry: 'armDeadline',
        on: {
          DELIVER: { guard: 'notHeld', target: 'delivered', actions: 'recordCollected' },
          FAIL_ATTEMPT: { target: 'attempt_failed', actions: 'countAttempt' },
          RETURN: { target: 'returned', actions: 'recordReturn' },
          ...holdInPlace,
          ESCALATE: escalateFrom('in_transit'),
        },
      },
      attempt_failed: {
        on: {
          DEPART: { guard: 'notHeld', target: 'in_transit' },
          RETURN: { target: 'returned', actions: 'recordReturn' },
          ...holdInPlace,
          ESCALATE: escalateFrom('attempt_failed'),
        },
      },
      delivered: remitCheckpoint('delivered'),
      escalated: escalatedState([
        'validating',
        'on_hold',
        'specialist_review',
        'queued',
        'released',
        'assigned',
        'picked_up',
        ...(staging ? (['staged'] as const) : []),
        'in_transit',
        'attempt_failed',
        'awaiting_remit',
        'closed',
      ]),
    },
  });
}

export const deliveryKindMachine = deliveryMachine('delivery', false);
export const pickupDeliveryMachine = deliveryMachine('pickup_delivery', true);
