import type { Escalation, OrderState } from './lifecycle.ts';

/*
 * The lifecycle's constants and predicates that workflow code runs, apart from lifecycle.ts's zod
 * schemas: the workflow sandbox runs the module scope of what a workflow imports for every workflow it
 * starts, and zod's would cost each order more than its whole lifecycle does. lifecycle.ts re-exports them.
 */

/** States in which an order holds a slot of its work area's capacity (work in process). */
export const IN_PROCESS_STATES: readonly OrderState[] = ['released', 'assigned', 'in_progress', 'picked_up', 'staged', 'in_transit', 'attempt_failed'];

export const HOLD_TYPES = ['credit', 'inventory', 'pricing', 'address', 'manual'] as const;

/** Whether an order in `state` waits in its area's pool: queued, or escalated while it waited (the area may still release it). */
export const inPool = (state: OrderState, escalation: Escalation | null): boolean => state === 'queued' || (state === 'escalated' && escalation?.from === 'queued');

/** Whether an order in `state` takes a slot of its area: in process, or escalated from there (the slot waits for it). */
export const holdsSlot = (state: OrderState, escalation: Escalation | null): boolean =>
  IN_PROCESS_STATES.includes(state) || (state === 'escalated' && escalation !== null && IN_PROCESS_STATES.includes(escalation.from));
