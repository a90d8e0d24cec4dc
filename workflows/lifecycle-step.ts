import { transition } from 'xstate';
import type { Assignment } from '../activities/assign-order.ts';
import type { IntakeDecision } from '../activities/decide-intake.ts';
import type { PriorityDecisionRef } from '../activities/decide-priority.ts';
import type { RemitDecision } from '../activities/decide-remit.ts';
import type { ReturnDecision } from '../activities/decide-return.ts';
import type { NextDecided, NextDecision } from '../activities/record-and-decide.ts';
import type { AreaSignal, TransitionRecord } from '../activities/record-transition.ts';
import type { OrderState } from '../domain/lifecycle.ts';
import { inPool } from '../domain/lifecycle-states.ts';
import type { OrderMachine } from './machines/machine-for-kind.ts';
import type { OrderMachineEvent } from './machines/order-events.ts';
import type { PoolEntry } from './pool-entry.ts';
import { transitionData } from './transition-data.ts';

/**
 * One step of an order's lifecycle, as pure code: from the machine's snapshot and an event to the next
 * snapshot, the record of the transition and the effects left to carry out. The order workflow takes
 * every step through here; from revision 6 the record activity takes the steps that follow a decision
 * through here too, so the two compute the same record with the same keys.
 */

export type OrderSnapshot = ReturnType<typeof transition<OrderMachine>>[0];
export type Effect = { type: string; params?: unknown };

/** What a step needs of the order beyond its machine, and the counter its keys come from. */
export interface StepContext {
  orderId: string;
  revision: number;
  dueAt: string;
  /** Where the order waits, then the area that released it. */
  workAreaId: string;
  /** When the order last entered its area's pool. */
  poolEnteredAt: string | null;
  /** The workflow's clock, in milliseconds: the step's times come from it. */
  now: number;
  /** Keys are `${keyPrefix}:${step}`, the step counted up for each: stable across retries, replays and continue-as-new. */
  keyPrefix: string;
  step: number;
}

export interface LifecycleStep {
  snapshot: OrderSnapshot;
  record: TransitionRecord;
  /** The effects the record does not carry out itself, in the machine's order. */
  effects: Effect[];
  /** Whether the order left its state (so its deadline there no longer runs). */
  leftState: boolean;
}

/** The effects that, from revision 3, reach the area through the record activity instead of a signal from the workflow. */
const AREA_SIGNAL_EFFECTS: Record<string, AreaSignal> = { freeCapacity: 'capacityFreed', withdraw: 'withdraw' };

const state = (snapshot: OrderSnapshot) => snapshot.value as OrderState;
export const nextKey = (ctx: StepContext) => `${ctx.keyPrefix}:${++ctx.step}`;

/** What the order's pool entry says when it enters the pool now. */
export const poolEntryOf = (snapshot: OrderSnapshot, ctx: StepContext): PoolEntry & { workAreaId: string } => ({
  workAreaId: ctx.workAreaId,
  orderId: ctx.orderId,
  priorityScore: snapshot.context.priorityScore ?? 0,
  dueAt: ctx.dueAt,
  queuedAt: new Date(ctx.now).toISOString(),
});

/** Applies `event` (which the snapshot must accept) and says what to record; advances `ctx`'s keys and pool entry. */
export function stepOf(machine: OrderMachine, snapshot: OrderSnapshot, event: OrderMachineEvent, ctx: StepContext, by: { actor: string; reason?: string | undefined; actorRoles?: readonly string[] | undefined; bulkJobId?: string | undefined }): LifecycleStep {
  const from = state(snapshot);
  const wasInPool = inPool(from, snapshot.context.escalation ?? null);
  const [next, effects] = transition(machine, snapshot, event);
  const to = state(next);
  const entersPool = !wasInPool && inPool(to, next.context.escalation ?? null);
  if (entersPool) ctx.poolEnteredAt = new Date(ctx.now).toISOString();
  // A signal from the workflow would cost the order a workflow task of its own; the record activity sends it after its commit.
  const areaSignals = ctx.revision >= 3 ? effects.flatMap(({ type }) => (AREA_SIGNAL_EFFECTS[type] ? [AREA_SIGNAL_EFFECTS[type]] : [])) : [];
  // From revision 4 the record decides the deadline of the state entered, in its transaction: one write for the transition.
  const recordsDeadline = ctx.revision >= 4 && effects.some(({ type }) => type === 'armDeadline');
  // From revision 5 the record calls the area for a release cycle too: no server activity, nor the workflow task its answer costs.
  const callsCycle = ctx.revision >= 5 && effects.some(({ type }) => type === 'requestRelease');
  const key = nextKey(ctx);
  const deadlineKey = recordsDeadline ? nextKey(ctx) : null;
  const handled = (type: string) =>
    (areaSignals.length > 0 && Object.hasOwn(AREA_SIGNAL_EFFECTS, type)) || (recordsDeadline && type === 'armDeadline') || (callsCycle && type === 'requestRelease');
  const { context } = next;
  const record: TransitionRecord = {
    key,
    orderId: ctx.orderId,
    from,
    to,
    event: event.type,
    actor: by.actor,
    reason: by.reason ?? null,
    priorityScore: context.priorityScore,
    escalation: context.escalation,
    holds: context.holds ?? [],
    assignee: context.assignee ?? null,
    data: by.actorRoles || by.bulkJobId ? { ...transitionData(event), ...(by.actorRoles ? { actorRoles: by.actorRoles } : {}), ...(by.bulkJobId ? { bulkJobId: by.bulkJobId } : {}) } : transitionData(event),
    poolEnteredAt: entersPool ? ctx.poolEnteredAt : null,
    ...(areaSignals.length ? { tellArea: { workAreaId: ctx.workAreaId, signals: areaSignals } } : {}),
    ...(deadlineKey ? { deadlineKey } : {}),
    ...(callsCycle ? { callCycle: poolEntryOf(next, ctx) } : {}),
  };
  return { snapshot: next, record, effects: effects.filter(({ type }) => !handled(type)), leftState: to !== from };
}

/** The decision an effect asks for, if it is one: the activity that makes it and its request (with a key from `ctx`). */
export function decisionOf(type: string, snapshot: OrderSnapshot, ctx: StepContext): NextDecision | null {
  const { context } = snapshot;
  const { orderId } = ctx;
  switch (type) {
    case 'decideIntake':
      // A split's children were reviewed by the specialist who split them.
      return context.splitFrom ? null : { activity: 'decideIntake', request: { orderId, decisionKey: nextKey(ctx) } };
    case 'decidePriority':
      return { activity: 'decidePriority', request: { orderId, decisionKey: nextKey(ctx) } };
    case 'assign':
      return { activity: 'assignOrder', request: { orderId, workAreaId: ctx.workAreaId, decisionKey: nextKey(ctx) } };
    case 'decideReturn':
      return { activity: 'decideReturn', request: { orderId, returnReason: context.returnReason ?? 'other', attempts: context.attempts, decisionKey: nextKey(ctx) } };
    case 'decideRemit':
      return { activity: 'decideRemit', request: { orderId, amountCollected: context.amountRemitted ?? context.amountCollected, decisionKey: nextKey(ctx) } };
    default:
      return null;
  }
}

export const prioritized = (type: 'PRIORITIZED' | 'REPRIORITIZED', decided: { score: number; decisionId: string }) => ({ type, score: decided.score, decisionId: decided.decisionId }) as const;

/** The event a decision leads to. */
export function outcomeOf(next: NextDecision, decided: NextDecided): OrderMachineEvent {
  switch (next.activity) {
    case 'decideIntake':
      return { type: 'INTAKE_DECIDED', ...(decided as IntakeDecision) };
    case 'decidePriority':
      return prioritized('PRIORITIZED', decided as PriorityDecisionRef);
    case 'assignOrder': {
      const assignment = decided as Assignment;
      return 'resource' in assignment ? { type: 'ASSIGNED', resource: assignment.resource } : { type: 'ASSIGNMENT_FAILED', ...assignment.escalate };
    }
    case 'decideReturn':
      return { type: 'RETURN_DECIDED', ...(decided as ReturnDecision) };
    case 'decideRemit':
      return { type: 'REMIT_DECIDED', ...(decided as RemitDecision) };
  }
}

/** The reason a system event carries to the audit log. */
export const reasonOf = (event: OrderMachineEvent): string | undefined => ('reason' in event ? event.reason : undefined);
