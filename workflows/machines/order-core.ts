import { assign, setup } from 'xstate';
import type { Escalation, Hold, HoldType, OrderState, PaymentMode, ReturnReason } from '../../domain/lifecycle.ts';
import { IN_PROCESS_STATES } from '../../domain/lifecycle-states.ts';
import type { OrderKind, StatedPriority } from '../../domain/order.ts';
import type { OrderMachineEvent } from './order-events.ts';
import { blockingHold } from './hold-blocks.ts';
import { RESOLVE_TARGETS } from '../../domain/resolve-targets.ts';

export interface OrderMachineInput {
  orderId: string;
  workAreaId: string;
  kind: OrderKind;
  paymentMode: PaymentMode;
  /** Set on a child of a split: a specialist has reviewed its lines already. */
  splitFrom: string | null;
}

export interface OrderMachineContext extends OrderMachineInput {
  /** True once intake (or a specialist) accepted the order and it has a priority. */
  accepted: boolean;
  priorityScore: number | null;
  escalation: Escalation | null;
  holds: Hold[];
  /** Hold types a person or the cause has released: intake does not place them again on this order. */
  clearedHolds: HoldType[];
  assignee: string | null;
  attempts: number;
  returnReason: ReturnReason | null;
  amountCollected: number | null;
  /** What finance confirmed was remitted; absent on orders from before remits were checked. */
  amountRemitted?: number | null;
}

export const initialContext = (input: OrderMachineInput): OrderMachineContext => ({
  ...input,
  accepted: false,
  priorityScore: null,
  escalation: null,
  holds: [],
  clearedHolds: [],
  assignee: null,
  attempts: 0,
  returnReason: null,
  amountCollected: null,
  amountRemitted: null,
});

/** Who a hold placed by the intake decision names as its placer: a hold its cause may clear. */
export const SYSTEM_HOLD_PLACER = 'intake rules';
/** Who an inventory hold placed when a release found the stock short names as its placer: a receipt clears it too. */
export const STOCK_AT_RELEASE_PLACER = 'stock check at release';
/** Whether Sluice placed the hold itself (not a person): then its cause, once gone, clears it. */
export const placedBySystem = (hold: Hold) => hold.placedBy === SYSTEM_HOLD_PLACER || hold.placedBy === STOCK_AT_RELEASE_PLACER;

/** States an escalated order may still be cancelled from: work has not started. */
const BEFORE_WORK: readonly OrderState[] = ['validating', 'on_hold', 'specialist_review', 'queued', 'released', 'assigned'];

type Ctx = { context: OrderMachineContext; event: OrderMachineEvent };

/** Where a RESOLVE sends the order (by default the first target for where it was escalated from), if allowed. */
function resolvesTo({ context, event }: Ctx, state: OrderState): boolean {
  const from = context.escalation?.from;
  if (event.type !== 'RESOLVE' || from === undefined) return false;
  const targets = RESOLVE_TARGETS[from];
  return (event.to ?? targets[0]) === state && targets.includes(state);
}

/** The specialist's claim on a review allows this person's event: nobody claimed it, they did, or it is an old order's replay. */
const claimAllows = ({ context, event }: Ctx) => ('asBefore' in event && event.asBefore === true) || context.assignee === null || ('actor' in event && context.assignee === event.actor);

const isLastHold = (context: OrderMachineContext, event: OrderMachineEvent) =>
  event.type === 'RELEASE_HOLD' && context.holds.length === 1 && context.holds[0]?.type === event.holdType;

/**
 * What every order kind shares: the named actions and guards. Actions that are not `assign`s only name
 * what must happen; the workflow turns each into an activity, a durable timer or a signal.
 */
export const orderCore = setup({
  types: {
    input: {} as OrderMachineInput,
    context: {} as OrderMachineContext,
    events: {} as OrderMachineEvent,
  },
  actions: {
    /** Ask the intake decision point whether to accept, hold, review or reject the order. */
    decideIntake: () => {},
    /** Ask the priority decision point for the effective priority score. */
    decidePriority: () => {},
    /** Put the order in its work area's pool; the area releases it when capacity allows. */
    requestRelease: () => {},
    /** Take a slot of the area's capacity now, over its WIP limit if need be (a person's audited override). */
    forceRelease: () => {},
    /** Match the released order with who executes it. */
    assign: () => {},
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
    /** Ask the return decision point whether to requeue, close or escalate the returned order. */
    decideReturn: () => {},
    /** Ask the remit decision point whether finance must confirm money before the order closes. */
    decideRemit: () => {},
    /** Create the child orders of a split; each runs its own lifecycle. */
    splitOrder: (_, _params: { parts: number[][] }) => {},
    recordPriority: assign({ priorityScore: (_, params: { score: number }) => params.score, accepted: true }),
    recordEscalation: assign({ escalation: (_, params: Escalation) => params }),
    reEscalate: assign({ escalation: ({ context, event }) => (event.type === 'ESCALATE' && context.escalation ? { ...context.escalation, reason: event.reason, role: event.role } : context.escalation) }),
    clearEscalation: assign({ escalation: null }),
    addHold: assign({
      holds: ({ context, event }) => {
        if (event.type === 'HOLD') return [...context.holds, { type: event.holdType, reason: event.reason, placedBy: event.actor }];
        if (event.type === 'INTAKE_DECIDED' && event.holdType) return [...context.holds, { type: event.holdType, reason: event.reason ?? 'held at intake', placedBy: SYSTEM_HOLD_PLACER }];
        return context.holds;
      },
    }),
    removeHold: assign(({ context, event }) =>
      event.type === 'RELEASE_HOLD' ? { holds: context.holds.filter((h) => h.type !== event.holdType), clearedHolds: [...new Set([...context.clearedHolds, event.holdType])] } : {},
    ),
    setAssignee: assign({
      assignee: ({ context, event }) => {
        if (event.type === 'ASSIGNED' || event.type === 'REASSIGN') return event.resource;
        if (event.type === 'CLAIM') return event.actor;
        return context.assignee;
      },
    }),
    clearAssignee: assign({ assignee: null }),
    countAttempt: assign({ attempts: ({ context }) => context.attempts + 1 }),
    recordReturn: assign({ returnReason: ({ context, event }) => (event.type === 'RETURN' ? event.returnReason : context.returnReason) }),
    recordCollected: assign({ amountCollected: ({ context, event }) => (event.type === 'DELIVER' ? (event.amount ?? null) : context.amountCollected) }),
    recordRemitted: assign({ amountRemitted: ({ context, event }) => (event.type === 'CONFIRM_REMIT' ? (event.amount ?? null) : (context.amountRemitted ?? null)) }),
  },
  guards: {
    intakeSays: ({ event }, params: { outcome: string }) => event.type === 'INTAKE_DECIDED' && event.outcome === params.outcome,
    /** Accepted, or held for a cause a person already released on this order (otherwise it would loop). */
    intakeAccepts: ({ context, event }) =>
      event.type === 'INTAKE_DECIDED' && (event.outcome === 'accept' || (event.outcome === 'hold' && event.holdType !== undefined && context.clearedHolds.includes(event.holdType))),
    returnSays: ({ event }, params: { outcome: string }) => event.type === 'RETURN_DECIDED' && event.outcome === params.outcome,
    remitSays: ({ event }, params: { outcome: string }) => event.type === 'REMIT_DECIDED' && event.outcome === params.outcome,
    /** No hold on the order blocks this event. */
    notHeld: ({ context, event }) => blockingHold(context.holds, event.type) === null,
    newHold: ({ context, event }) => event.type === 'HOLD' && !context.holds.some((h) => h.type === event.holdType),
    hasHold: ({ context, event }) => event.type === 'RELEASE_HOLD' && context.holds.some((h) => h.type === event.holdType),
    /** Held for stock alone: a split sends on what is in stock and leaves the rest waiting for it; any other hold needs its owner first. */
    heldForStockOnly: ({ context }) => context.holds.length > 0 && context.holds.every((h) => h.type === 'inventory'),
    /** The hold being released is the last one: the order can move on. */
    lastHold: ({ context, event }) => isLastHold(context, event),
    lastHoldOfAccepted: ({ context, event }) => isLastHold(context, event) && context.accepted,
    resolvesTo: (ctx, params: { state: OrderState }) => resolvesTo(ctx, params.state),
    /** Back to the pool from a state that held a slot: the slot must go back first. */
    resolvesToPoolFromCapacity: (ctx) => resolvesTo(ctx, 'queued') && ctx.context.escalation !== null && IN_PROCESS_STATES.includes(ctx.context.escalation.from),
    escalatedFromPool: ({ context }) => context.escalation?.from === 'queued',
    escalatedFromRelease: ({ context }) => context.escalation?.from === 'released',
    /** A person may force an order escalated from the pool into its area, unless a hold stops it. */
    forceableFromPool: ({ context, event }) => context.escalation?.from === 'queued' && blockingHold(context.holds, event.type) === null,
    escalatedBeforeWork: ({ context }) => context.escalation !== null && BEFORE_WORK.includes(context.escalation.from),
    /** A review's claim is taken only while nobody holds it, unless an ops manager takes it over. */
    mayClaim: ({ context, event }) => event.type === 'CLAIM' && (event.asBefore === true || event.takeOver === true || context.assignee === null),
    /** Approve, reject, split: by the specialist holding the claim, or by any while nobody does. */
    claimAllows,
    /** A claim ends by its holder, or by an ops manager. */
    mayUnclaim: ({ context, event }) => event.type === 'UNCLAIM' && context.assignee !== null && (context.assignee === event.actor || event.takeOver === true),
    /** An ops manager hands a review to another specialist. */
    takesOver: ({ event }) => event.type === 'REASSIGN' && event.takeOver === true,
    /** A remit confirmed before amounts were checked closes the order, as it did then. */
    remitAsBefore: ({ event }) => event.type === 'CONFIRM_REMIT' && event.asBefore === true,
  },
});

