import {
  allHandlersFinished,
  ApplicationFailure,
  CancellationScope,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  isCancellation,
  log,
  proxyActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import { initialTransition, transition } from 'xstate';
import type { OrderActivities } from '../activities/index.ts';
import type { OrderState, StatedPriority } from '../domain/order.ts';
import type { Role } from '../domain/roles.ts';
import {
  ACTION_NOT_ALLOWED,
  areaWorkflowId,
  capacityFreedSignal,
  orderActionUpdate,
  orderStateQuery,
  releaseSignal,
  rerankSignal,
  rulesPublishedSignal,
  withdrawSignal,
  type OrderActionCommand,
} from './definitions.ts';
import { actionEvent, refusalMessage } from './machines/order-actions.ts';
import { ORDER_EFFECTS, orderMachine, type OrderEffect, type OrderMachineContext, type OrderMachineEvent } from './machines/order.machine.ts';

export interface OrderWorkflowInput {
  orderId: string;
  workAreaId: string;
  dueAt: string;
  /** Set when the workflow continues as new: where the previous run left the order. */
  resume?: OrderResume;
}

/** A pending escalation deadline, carried across continue-as-new with its absolute firing time. */
interface PendingDeadline {
  armedIn: OrderState;
  firesAt: number;
  minutes: number;
  role: Role;
}

export interface OrderResume {
  state: OrderState;
  context: OrderMachineContext;
  step: number;
  deadline: PendingDeadline | null;
}

const activities = proxyActivities<OrderActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '10 seconds' },
});

const isEffect = (type: string): type is OrderEffect => (ORDER_EFFECTS as readonly string[]).includes(type);

/** What the audit log keeps of an event beyond its name. */
function transitionData(event: OrderMachineEvent): Record<string, unknown> | null {
  if (event.type === 'PRIORITIZED' || event.type === 'REPRIORITIZED') return { decisionId: event.decisionId, score: event.score };
  if (event.type === 'ESCALATE') return { role: event.role };
  if (event.type === 'CHANGE_PRIORITY') return { statedPriority: event.statedPriority };
  return null;
}

/**
 * Drives one order through its lifecycle machine. The machine is pure: the workflow feeds it events,
 * records every transition in the read model and audit log, and carries out the effects it names.
 */
export async function orderWorkflow(input: OrderWorkflowInput): Promise<OrderState> {
  const { orderId, workAreaId, resume } = input;
  const [initialSnapshot, initialEffects] = initialTransition(orderMachine, { orderId, workAreaId });
  let snapshot = resume ? orderMachine.resolveState({ value: resume.state, context: resume.context }) : initialSnapshot;
  const state = () => snapshot.value as OrderState;

  // Each transition gets a key that is stable across activity retries, replays and continue-as-new.
  let step = resume?.step ?? 0;
  const nextKey = () => `${workflowInfo().firstExecutionRunId}:${++step}`;

  // Signals and updates interleave at every await; transitions are applied one at a time, in arrival order.
  let tail: Promise<unknown> = Promise.resolve();
  let busy = 0;
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    busy += 1;
    const run = tail.then(work).finally(() => {
      busy -= 1;
    });
    tail = run.catch(() => undefined);
    return run;
  };

  // The escalation deadline of the current state: a durable timer, cancelled when the order leaves it.
  let deadline: { scope: CancellationScope; pending: PendingDeadline } | null = null;
  const disarmDeadline = () => {
    deadline?.scope.cancel();
    deadline = null;
  };
  const pendingDeadline = () => deadline?.pending ?? null;

  function startDeadline(pending: PendingDeadline): void {
    const scope = new CancellationScope();
    const armed = { scope, pending };
    deadline = armed;
    scope
      .run(() => sleep(Math.max(1, pending.firesAt - Date.now())))
      .then(
        () =>
          serially(async () => {
            if (deadline !== armed) return;
            deadline = null;
            const reason = `Still ${pending.armedIn.replace('_', ' ')} after ${pending.minutes} minutes`;
            await apply({ type: 'ESCALATE', actor: 'system', reason, role: pending.role }, 'system', reason);
          }),
        (err: unknown) => {
          if (!isCancellation(err)) throw err;
        },
      )
      .catch((err: unknown) => log.warn('deadline escalation failed', { orderId, error: String(err) }));
  }

  async function armDeadline(): Promise<null> {
    const armedIn = state();
    const found = await activities.decideDeadline({ orderId, state: armedIn, decisionKey: nextKey() });
    if (found) startDeadline({ armedIn, firesAt: Date.now() + found.minutes * 60_000, minutes: found.minutes, role: found.role });
    return null;
  }

  async function carryOut(effects: readonly { type: string; params?: unknown }[]): Promise<void> {
    for (const { type, params } of effects) {
      if (!isEffect(type)) continue;
      const followUp = await effect(type, params);
      if (followUp) await apply(followUp, 'system');
    }
  }

  async function effect(type: OrderEffect, params: unknown): Promise<OrderMachineEvent | null> {
    switch (type) {
      case 'decidePriority': {
        const decision = await activities.decidePriority({ orderId, decisionKey: nextKey() });
        return { type: 'PRIORITIZED', score: decision.score, decisionId: decision.decisionId };
      }
      case 'requestRelease':
        await activities.enqueueForRelease({
          workAreaId,
          orderId,
          priorityScore: snapshot.context.priorityScore ?? 0,
          dueAt: input.dueAt,
          queuedAt: new Date().toISOString(),
        });
        return null;
      case 'freeCapacity':
        await getExternalWorkflowHandle(areaWorkflowId(workAreaId)).signal(capacityFreedSignal, { orderId });
        return null;
      case 'updatePoolRank':
        await getExternalWorkflowHandle(areaWorkflowId(workAreaId)).signal(rerankSignal, { orderId, priorityScore: snapshot.context.priorityScore ?? 0 });
        return null;
      case 'armDeadline':
        return armDeadline();
      case 'restatePriority': {
        const { statedPriority } = params as { statedPriority: StatedPriority };
        await activities.restatePriority({ orderId, statedPriority });
        const decision = await activities.decidePriority({ orderId, decisionKey: nextKey() });
        return { type: 'REPRIORITIZED', score: decision.score, decisionId: decision.decisionId };
      }
      case 'withdraw':
        await getExternalWorkflowHandle(areaWorkflowId(workAreaId)).signal(withdrawSignal, { orderId });
        return null;
    }
  }

  async function apply(event: OrderMachineEvent, actor: string, reason?: string, actorRoles?: readonly string[]): Promise<void> {
    if (!snapshot.can(event)) throw ApplicationFailure.nonRetryable(`Event ${event.type} is not allowed while the order is ${state()}.`, ACTION_NOT_ALLOWED);
    const from = state();
    const [next, effects] = transition(orderMachine, snapshot, event);
    snapshot = next;
    if (state() !== from) disarmDeadline();
    await activities.recordTransition({
      key: nextKey(),
      orderId,
      from,
      to: state(),
      event: event.type,
      actor,
      reason: reason ?? null,
      priorityScore: snapshot.context.priorityScore,
      escalation: snapshot.context.escalation,
      data: actorRoles ? { ...transitionData(event), actorRoles } : transitionData(event),
    });
    await carryOut(effects);
  }

  const refuseUnlessAllowed = (command: OrderActionCommand) => {
    if (!snapshot.can(actionEvent(command.action, command))) {
      throw ApplicationFailure.nonRetryable(refusalMessage(command.action, state(), snapshot.context.escalation), ACTION_NOT_ALLOWED);
    }
  };

  setHandler(orderStateQuery, state);
  setHandler(releaseSignal, (release) =>
    serially(() => apply({ type: 'RELEASE', workAreaId: release.workAreaId }, 'system')).catch((err: unknown) =>
      log.warn('release ignored', { orderId, state: state(), error: String(err) }),
    ),
  );
  setHandler(rulesPublishedSignal, (published) =>
    serially(async () => {
      // Only a waiting order is decided again; a released one keeps the decision it was released on.
      if (published.decisionPoint !== 'priority' || state() !== 'queued') return;
      const decision = await activities.decidePriority({ orderId, decisionKey: nextKey() });
      await apply({ type: 'REPRIORITIZED', score: decision.score, decisionId: decision.decisionId }, 'system');
    }).catch((err: unknown) => log.warn('re-prioritisation skipped', { orderId, error: String(err) })),
  );
  setHandler(
    orderActionUpdate,
    (command) =>
      serially(async () => {
        // Checked again here: an earlier action may have moved the order since the validator ran.
        refuseUnlessAllowed(command);
        await apply(actionEvent(command.action, command), command.actor, command.reason, command.actorRoles);
        return state();
      }),
    {
      // Refuse before the update enters history, so a refused action leaves no trace in the order's history.
      validator: refuseUnlessAllowed,
    },
  );

  if (resume) {
    if (resume.deadline) startDeadline(resume.deadline);
  } else {
    await serially(async () => {
      await activities.recordTransition({ key: nextKey(), orderId, from: null, to: state(), event: 'CAPTURED', actor: 'system', reason: null, priorityScore: null, escalation: null, data: null });
      await carryOut(initialEffects);
    });
  }
  // A long-lived order (escalated and resolved again and again) keeps its history bounded by continuing
  // as new between transitions, carrying its state, its step count and its pending deadline.
  const idle = () => busy === 0 && allHandlersFinished();
  await condition(() => snapshot.status === 'done' || (workflowInfo().continueAsNewSuggested && idle()));
  await condition(idle);
  if (snapshot.status === 'done') return state();
  return continueAsNew<typeof orderWorkflow>({ ...input, resume: { state: state(), context: snapshot.context, step, deadline: pendingDeadline() } });
}
