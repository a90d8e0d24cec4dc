import { assign, setup } from 'xstate';
import type { StatedPriority } from '../../../domain/order.ts';
import type { Role } from '../../../domain/roles.ts';

type EscalatableState = 'queued' | 'released' | 'in_progress';
interface Escalation {
  reason: string;
  role: Role;
  from: EscalatableState;
}

export interface OrderMachineInput {
  orderId: string;
  workAreaId: string;
}


export interface OrderMachineContext extends OrderMachineInput {
  priorityScore: number | null;
  escalation: Escalation | null;
}

/** Events carry who caused them: a person (`actor`) or the system. */
export type OrderMachineEvent =
  | { type: 'PRIORITIZED'; score: number; decisionId: string }
  | { type: 'REPRIORITIZED'; score: number; decisionId: string }
  | { type: 'RELEASE'; workAreaId: string }
  | { type: 'START'; actor: string; reason?: string }
  | { type: 'COMPLETE'; actor: string; reason?: string }
  | { type: 'ESCALATE'; actor: string; reason: string; role: Role }
  | { type: 'RESOLVE'; actor: string; reason?: string }
  | { type: 'CANCEL'; actor: string; reason: string }
  | { type: 'CHANGE_PRIORITY'; actor: string; statedPriority: StatedPriority; reason?: string };

const escalateFrom = (from: EscalatableState) =>
  ({
    target: 'escalated',
    actions: { type: 'recordEscalation', params: ({ event }: { event: OrderMachineEvent }) => ({ event, from }) },
  }) as const;
const resolveTo = (to: EscalatableState) => ({ target: to, guard: { type: 'escalatedFrom', params: { state: to } }, actions: 'clearEscalation' }) as const;

/**
 * Frozen: the first lifecycle (captured → queued → released → in_progress → completed, escalated, cancelled),
 * kept only for orders whose workflow started before the per-kind machines (their histories carry no
 * `lifecycle-v2` marker). Replaying the recorded v1 histories proves they still run. Never edit it; remove it
 * once no v1 order is running.
 */
export const legacyOrderMachine = setup({
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
    /** Ask the escalation decision point for this state's deadline, and start its durable timer. */
    armDeadline: () => {},
    /** Take the order out of its work area: out of the pool, and its slot back if it held one. */
    withdraw: () => {},
    /** Store the priority the requester now states, and decide the effective priority again. */
    restatePriority: (_, _params: { statedPriority: StatedPriority }) => {},
    recordPriority: assign({ priorityScore: (_, params: { score: number }) => params.score }),
    recordEscalation: assign({
      escalation: (_, { event, from }: { event: OrderMachineEvent; from: EscalatableState }) =>
        event.type === 'ESCALATE' ? { reason: event.reason, role: event.role, from } : null,
    }),
    clearEscalation: assign({ escalation: null }),
  },
  guards: {
    escalatedFrom: ({ context }, params: { state: EscalatableState }) => context.escalation?.from === params.state,
    beforeWorkStarted: ({ context }) => context.escalation?.from !== 'in_progress',
  },
}).createMachine({
  id: 'order',
  initial: 'captured',
  context: ({ input }) => ({ ...input, priorityScore: null, escalation: null }),
  states: {
    captured: {
      entry: 'decidePriority',
      on: {
        PRIORITIZED: { target: 'queued', actions: { type: 'recordPriority', params: ({ event }) => ({ score: event.score }) } },
      },
    },
    queued: {
      entry: ['requestRelease', 'armDeadline'],
      on: {
        RELEASE: 'released',
        // New priority rules decide again while the order waits; it stays queued.
        REPRIORITIZED: { actions: [{ type: 'recordPriority', params: ({ event }) => ({ score: event.score }) }, 'updatePoolRank'] },
        ESCALATE: escalateFrom('queued'),
        CANCEL: { target: 'cancelled', actions: 'withdraw' },
        CHANGE_PRIORITY: { actions: { type: 'restatePriority', params: ({ event }) => ({ statedPriority: event.statedPriority }) } },
      },
    },
    released: {
      entry: 'armDeadline',
      on: { START: 'in_progress', ESCALATE: escalateFrom('released'), CANCEL: { target: 'cancelled', actions: 'withdraw' } },
    },
    in_progress: {
      entry: 'armDeadline',
      on: { COMPLETE: 'completed', ESCALATE: escalateFrom('in_progress') },
    },
    escalated: {
      on: {
        RESOLVE: [resolveTo('queued'), resolveTo('released'), resolveTo('in_progress')],
        // An order escalated while it waited stays in its area's pool; if the area releases it, it goes.
        RELEASE: { target: 'released', guard: { type: 'escalatedFrom', params: { state: 'queued' } }, actions: 'clearEscalation' },
        // Work has not started unless it was escalated from in progress.
        CANCEL: { target: 'cancelled', guard: 'beforeWorkStarted', actions: 'withdraw' },
      },
    },
    cancelled: {
      type: 'final',
    },
    completed: {
      type: 'final',
      entry: 'freeCapacity',
    },
  },
});
