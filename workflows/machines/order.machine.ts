import { assign, setup } from 'xstate';

export interface OrderMachineInput {
  orderId: string;
  workAreaId: string;
}

export interface OrderMachineContext extends OrderMachineInput {
  priorityScore: number | null;
}

/** Events carry who caused them: a person (`actor`) or the system. */
export type OrderMachineEvent =
  | { type: 'PRIORITIZED'; score: number; decisionId: string }
  | { type: 'REPRIORITIZED'; score: number; decisionId: string }
  | { type: 'RELEASE'; workAreaId: string }
  | { type: 'START'; actor: string; reason?: string }
  | { type: 'COMPLETE'; actor: string; reason?: string };

/**
 * The walking-skeleton lifecycle: captured → queued → released → in_progress → completed.
 * Actions only name what must happen; the workflow turns each into an activity or a signal.
 */
export const orderMachine = setup({
  types: {
    input: {} as OrderMachineInput,
    context: {} as OrderMachineContext,
    events: {} as OrderMachineEvent,
  },
  actions: {
    /** Ask the priority decision point for the effective priority score. */
    decidePriority: () => {},
    /** Put the order in its work area's pool; the area releases it when capacity allows. */
    requestRelease: () => {},
    /** Give the order's capacity back to its work area. */
    freeCapacity: () => {},
    /** Tell the work area the order's new priority, so its pool ranks it anew. */
    updatePoolRank: () => {},
    recordPriority: assign({ priorityScore: (_, params: { score: number }) => params.score }),
  },
}).createMachine({
  id: 'order',
  initial: 'captured',
  context: ({ input }) => ({ ...input, priorityScore: null }),
  states: {
    captured: {
      entry: 'decidePriority',
      on: {
        PRIORITIZED: { target: 'queued', actions: { type: 'recordPriority', params: ({ event }) => ({ score: event.score }) } },
      },
    },
    queued: {
      entry: 'requestRelease',
      on: {
        RELEASE: 'released',
        // New priority rules decide again while the order waits; it stays queued.
        REPRIORITIZED: { actions: [{ type: 'recordPriority', params: ({ event }) => ({ score: event.score }) }, 'updatePoolRank'] },
      },
    },
    released: {
      on: { START: 'in_progress' },
    },
    in_progress: {
      on: { COMPLETE: 'completed' },
    },
    completed: {
      type: 'final',
      entry: 'freeCapacity',
    },
  },
});

/** The side effects the workflow must carry out; `assign` is applied by the transition itself. */
export const ORDER_EFFECTS = ['decidePriority', 'requestRelease', 'freeCapacity', 'updatePoolRank'] as const;
export type OrderEffect = (typeof ORDER_EFFECTS)[number];
