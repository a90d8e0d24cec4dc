import { initialContext, orderCore } from './order-core.ts';
import { assignedState, escalatedState, escalateFrom, holdInPlace, intakeStates, remitCheckpoint } from './order-states.ts';

/** Fulfilment kinds (production, pick): released → assigned → in_progress → completed → closed. */
export const fulfilmentMachine = orderCore.createMachine({
  id: 'fulfilment',
  initial: 'captured',
  context: ({ input }) => initialContext(input),
  states: {
    ...intakeStates,
    assigned: assignedState({ START: { guard: 'notHeld', target: 'in_progress' } } as const),
    in_progress: {
      entry: 'armDeadline',
      on: {
        COMPLETE: { guard: 'notHeld', target: 'completed' },
        REASSIGN: { actions: 'setAssignee' },
        ...holdInPlace,
        ESCALATE: escalateFrom('in_progress'),
      },
    },
    completed: remitCheckpoint('completed'),
    escalated: escalatedState(['validating', 'on_hold', 'specialist_review', 'queued', 'released', 'assigned', 'in_progress', 'awaiting_remit', 'closed']),
  },
});
