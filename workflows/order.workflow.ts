import {
  allHandlersFinished,
  ApplicationFailure,
  CancellationScope,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  isCancellation,
  log,
  ParentClosePolicy,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import { initialTransition } from 'xstate';
import type { OrderActivities } from '../activities/index.ts';
import type { Deadline } from '../activities/decide-deadline.ts';
import type { ChainedRecords, NextDecided, NextDecision } from '../activities/record-and-decide.ts';
import type { TransitionRecord } from '../activities/record-transition.ts';
import type { OrderState, PaymentMode } from '../domain/lifecycle.ts';
import type { OrderKind, StatedPriority } from '../domain/order.ts';
import type { Role } from '../domain/roles.ts';
import {
  ACTION_NOT_ALLOWED,
  areaWorkflowId,
  capacityFreedSignal,
  completeOperationUpdate,
  forceReleaseSignal,
  holdCauseClearedSignal,
  orderActionUpdate,
  orderSnapshotQuery,
  orderStateQuery,
  orderWorkflowId,
  releaseEscalationSignal,
  releaseSignal,
  rerankSignal,
  rulesPublishedSignal,
  stockShortSignal,
  withdrawSignal,
  type OperationCompletedCommand,
  type OrderActionCommand,
} from './definitions.ts';
import { legacyOrderMachine } from './machines/legacy/order-v1.machine.ts';
import { machineFor, type OrderMachine } from './machines/machine-for-kind.ts';
import { actionEvent, refusalMessage } from './machines/order-actions.ts';
import { initialContext, placedBySystem, STOCK_AT_RELEASE_PLACER, type OrderMachineContext } from './machines/order-core.ts';
import type { HumanEvent, OrderMachineEvent } from './machines/order-events.ts';
import { decisionOf, outcomeOf, poolEntryOf, prioritized, reasonOf, stepOf, type Effect, type LifecycleStep, type StepContext } from './lifecycle-step.ts';

export interface OrderWorkflowInput {
  orderId: string;
  workAreaId: string;
  dueAt: string;
  /** Absent on orders started before lifecycle v2 (they run the v1 machine to the end). */
  kind?: OrderKind;
  paymentMode?: PaymentMode;
  /** The order this one was split from. */
  splitFrom?: string | null;
  /** A part of a split its warehouse could not cover: it waits on an inventory hold, which a receipt clears. */
  waitsForStock?: true;
  /** The revision of this workflow the order started on; absent on orders started before revision 3 (see `revisionOf`). */
  revision?: number;
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
  /** Which lifecycle machine the order runs: the one it started with, whatever the code has since. */
  machineVersion?: 1 | 2;
  state: OrderState;
  context: OrderMachineContext;
  step: number;
  deadline: PendingDeadline | null;
  /** When the order last entered its area's pool. */
  poolEnteredAt?: string | null;
}

const ACTIVITY_OPTIONS = { startToCloseTimeout: '30 seconds', retry: { maximumInterval: '10 seconds' } } as const;
const activities = proxyActivities<OrderActivities>(ACTIVITY_OPTIONS);
/**
 * From revision 4, the decisions and records run as local activities: in the workflow task that needs them,
 * with no round trip to the server each. Each is idempotent by its key, as a local activity may run again
 * when its workflow task does. In revision 4 enqueueing stays a server activity: its call for a cycle is
 * claimed once, and only a server retry knows it is one; from revision 5 the record of the transition into
 * the pool claims the call as its own, so it knows its call when it runs again.
 */
const localActivities = proxyLocalActivities<OrderActivities>(ACTIVITY_OPTIONS);

/** Marks histories of orders started with the per-kind machines; orders without it keep the v1 machine. */
export const LIFECYCLE_V2_PATCH = 'lifecycle-v2';

/** From these patches on: a cycle does not escalate an escalated order again; only holds the intake rules placed clear by their cause. */
export const ESCALATED_ONCE_PATCH = 'cycle-escalates-once';
export const SYSTEM_HOLDS_CLEARED_PATCH = 'cause-clears-system-holds';
/** From these on: a specialist's claim holds, and a confirmed remit is judged by the remit rules. */
export const CLAIM_HOLDS_PATCH = 'claim-holds';
export const REMIT_CHECKED_PATCH = 'remit-checked';
/** From this on: new escalation rules published to re-decide decide a running deadline again. */
export const DEADLINE_REDECIDED_PATCH = 'deadline-redecided';
/** From this on: an order on an inventory hold alone may be split by availability (before, only a review could split). */
export const SPLIT_FROM_HOLD_PATCH = 'split-from-inventory-hold';

/** The revision an order runs: named in its input from revision 3; before, the machine a continued run carries, or the patch marker. */
function revisionOf(input: OrderWorkflowInput): number {
  if (input.revision !== undefined) return input.revision;
  if (input.resume) return input.resume.machineVersion ?? 1;
  return patched(LIFECYCLE_V2_PATCH) ? 2 : 1;
}

/**
 * Drives one order through its lifecycle machine. The machine is pure: the workflow feeds it events,
 * records every transition in the read model and audit log, and carries out the effects it names.
 */
export async function orderWorkflow(input: OrderWorkflowInput): Promise<OrderState> {
  const { orderId, resume } = input;
  const revision = revisionOf(input);
  // Where the order waits, then the area that released it: an order several areas may take has one home until then.
  let workAreaId = input.workAreaId;
  const machineVersion = revision === 1 ? 1 : 2;
  const machine: OrderMachine = machineVersion === 2 ? machineFor(input.kind ?? 'pick') : (legacyOrderMachine as unknown as OrderMachine);
  const machineInput = { orderId, workAreaId, kind: input.kind ?? 'pick', paymentMode: input.paymentMode ?? 'prepaid', splitFrom: input.splitFrom ?? null } as const;
  const [initialSnapshot, initialEffects] = initialTransition(machine, machineInput);
  let snapshot = resume ? machine.resolveState({ value: resume.state, context: resume.context }) : initialSnapshot;
  const state = () => snapshot.value as OrderState;
  const context = () => snapshot.context;
  const area = () => getExternalWorkflowHandle(areaWorkflowId(workAreaId));
  const inTask = revision >= 4 ? localActivities : activities;

  // Each transition gets a key that is stable across activity retries, replays and continue-as-new.
  let step = resume?.step ?? 0;
  // A release is granted to the order's stay in the pool that the cycle saw: one from an earlier stay is stale.
  let poolEnteredAt = resume?.poolEnteredAt ?? null;
  const nextKey = () => `${workflowInfo().firstExecutionRunId}:${++step}`;
  // What a lifecycle step needs of the order now; `took` brings back the keys and pool entry it advanced.
  const stepContext = (): StepContext => ({ orderId, revision, dueAt: input.dueAt, workAreaId, poolEnteredAt, now: Date.now(), keyPrefix: workflowInfo().firstExecutionRunId, step });
  const took = (ctx: StepContext) => {
    step = ctx.step;
    poolEnteredAt = ctx.poolEnteredAt;
  };

  // Signals and updates interleave at every await; transitions are applied one at a time, in arrival order.
  // (Sparing with promises here and below: the SDK records a stack trace for every promise a workflow makes.)
  let tail: Promise<unknown> = Promise.resolve();
  let busy = 0;
  const done = () => {
    busy -= 1;
  };
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    busy += 1;
    const run = tail.then(work);
    tail = run.then(done, done);
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

  const startFound = (armedIn: OrderState, found: Deadline | null) => {
    if (found) startDeadline({ armedIn, firesAt: Date.now() + found.minutes * 60_000, minutes: found.minutes, role: found.role });
  };
  const armDeadline = (): Promise<null> => {
    const armedIn = state();
    return inTask.decideDeadline({ orderId, state: armedIn, decisionKey: nextKey() }).then((found) => {
      startFound(armedIn, found);
      return null;
    });
  };

  // New escalation rules decide a running deadline again, counted from when the order entered its state:
  // one already past fires at once, none cancels the timer. An escalated order keeps its escalation. The
  // key names the stay and the version, so a signal delivered twice decides once.
  const redecideDeadline = async (version: number): Promise<void> => {
    const running = pendingDeadline();
    if (!running || running.armedIn !== state() || state() === 'escalated' || !patched(DEADLINE_REDECIDED_PATCH)) return;
    const found = await inTask.decideDeadline({ orderId, state: running.armedIn, decisionKey: `${workflowInfo().firstExecutionRunId}:${step}:escalation-v${version}` });
    if (found?.minutes === running.minutes && found.role === running.role) return;
    disarmDeadline();
    const enteredAt = running.firesAt - running.minutes * 60_000;
    if (found) startDeadline({ armedIn: running.armedIn, firesAt: enteredAt + found.minutes * 60_000, minutes: found.minutes, role: found.role });
  };

  // Follow-up events (a decision's outcome) are applied once every effect of the transition has run;
  // `decidedFirst` is the outcome of a decision made with the transition's record, before these effects.
  async function carryOut(effects: readonly { type: string; params?: unknown }[], decidedFirst?: OrderMachineEvent): Promise<void> {
    const followUps: OrderMachineEvent[] = decidedFirst ? [decidedFirst] : [];
    for (const { type, params } of effects) {
      const result = effect(type, params);
      const followUp = result instanceof Promise ? await result : result;
      if (followUp) followUps.push(followUp);
    }
    for (const followUp of followUps) await apply(followUp, 'system', reasonOf(followUp));
  }

  const nothing = () => null;

  // The decision an effect asks for, if it is one, keyed now.
  function decisionNow(type: string): NextDecision | null {
    const ctx = stepContext();
    const next = decisionOf(type, snapshot, ctx);
    took(ctx);
    return next;
  }

  const decide = (next: NextDecision): Promise<OrderMachineEvent> =>
    (inTask[next.activity] as (request: NextDecision['request']) => Promise<NextDecided>)(next.request).then((decided) => outcomeOf(next, decided));

  // What an effect leads to: an event to apply next, nothing, or a promise of either when it waits on an activity.
  function effect(type: string, params: unknown): OrderMachineEvent | null | Promise<OrderMachineEvent | null> {
    switch (type) {
      case 'decideIntake':
      case 'decidePriority':
      case 'assign':
      case 'decideReturn':
      case 'decideRemit': {
        const next = decisionNow(type);
        if (next) return decide(next);
        // Once its hold is released, the same answer accepts it: the lifecycle does not hold it again for a cleared cause.
        return input.waitsForStock
          ? { type: 'INTAKE_DECIDED', outcome: 'hold', holdType: 'inventory', reason: 'Split off with the lines not in stock: it waits for a receipt.' }
          : { type: 'INTAKE_DECIDED', outcome: 'accept', reason: 'Split from a reviewed order.' };
      }
      case 'requestRelease':
        return activities.enqueueForRelease(poolEntryOf(snapshot, stepContext())).then(nothing);
      case 'forceRelease':
        return area().signal(forceReleaseSignal, { orderId }).then(nothing);
      case 'freeCapacity':
        return area().signal(capacityFreedSignal, { orderId }).then(nothing);
      case 'updatePoolRank':
        return area().signal(rerankSignal, { orderId, priorityScore: context().priorityScore ?? 0 }).then(nothing);
      case 'armDeadline':
        return armDeadline();
      case 'restatePriority': {
        const { statedPriority } = params as { statedPriority: StatedPriority };
        return inTask
          .restatePriority({ orderId, statedPriority })
          .then(() => inTask.decidePriority({ orderId, decisionKey: nextKey() }))
          .then((decided) => prioritized('REPRIORITIZED', decided));
      }
      case 'withdraw':
        return area().signal(withdrawSignal, { orderId }).then(nothing);
      case 'splitOrder':
        return splitInto((params as { parts: number[][] }).parts).then(nothing);
      default:
        return null;
    }
  }

  // Each child is an order of its own, with its own workflow that outlives this one.
  async function splitInto(parts: number[][]): Promise<void> {
    const children = await activities.splitOrder({ orderId, parts });
    for (const child of children) {
      await startChild(orderWorkflow, {
        workflowId: orderWorkflowId(child.orderId),
        parentClosePolicy: ParentClosePolicy.ABANDON,
        args: [{ orderId: child.orderId, workAreaId: child.workAreaId, dueAt: child.dueAt, kind: child.kind, paymentMode: child.paymentMode, splitFrom: orderId, ...(input.revision ? { revision } : {}), ...(child.waitsForStock ? { waitsForStock: true } : {}) }],
      });
    }
  }

  async function apply(event: OrderMachineEvent, actor: string, reason?: string, actorRoles?: readonly string[], bulkJobId?: string): Promise<void> {
    if (!snapshot.can(event)) throw ApplicationFailure.nonRetryable(`Event ${event.type} is not allowed while the order is ${state()}.`, ACTION_NOT_ALLOWED);
    const ctx = stepContext();
    const taken = stepOf(machine, snapshot, event, ctx, { actor, reason, actorRoles, bulkJobId });
    take(taken, ctx);
    await recordThenCarryOut(taken.record, taken.effects);
  }

  function take(taken: LifecycleStep, ctx: StepContext): void {
    snapshot = taken.snapshot;
    took(ctx);
    if (taken.leftState) disarmDeadline();
  }

  // From revision 5 the decision a transition calls for first is made with its record, in its transaction:
  // one local activity (a workflow activation and a marker) and one write for the two.
  async function recordThenCarryOut(record: TransitionRecord, effects: readonly Effect[]): Promise<void> {
    const next = revision >= 5 && effects[0] ? decisionNow(effects[0].type) : null;
    if (next && revision >= 6 && effects.length === 1) return recordDecideAndFollow(record, next);
    if (next) {
      const { deadline, decided } = await inTask.recordAndDecide({ ...record, next });
      if (record.deadlineKey) startFound(state(), deadline);
      return carryOut(effects.slice(1), outcomeOf(next, decided));
    }
    const found = await inTask.recordTransition(record);
    if (record.deadlineKey) startFound(state(), found);
    if (effects.length) await carryOut(effects);
  }

  /**
   * From revision 6, when the decision is all a transition leaves to do, the record activity also takes the
   * steps it leads to (a decision's event, the decision that event calls for, and so on) through the same
   * pure code, until a step needs the workflow: one local activity and one transaction for what took one
   * each. The workflow then takes the same steps with the same keys, clock and decisions, so its machine and
   * the store agree, and carries out what the last step left.
   */
  async function recordDecideAndFollow(record: TransitionRecord, next: NextDecision): Promise<void> {
    const ctx = stepContext();
    const { deadline, decided, chain } = await inTask.recordAndDecide({ ...record, next, follow: { kind: input.kind ?? 'pick', value: snapshot.value, context: context(), ctx: { ...ctx } } });
    if (record.deadlineKey) startFound(state(), deadline);
    let outcome = outcomeOf(next, decided);
    for (const [i, link] of (chain as ChainedRecords).links.entries()) {
      const taken = stepOf(machine, snapshot, outcome, ctx, { actor: 'system', reason: reasonOf(outcome) });
      take(taken, ctx);
      if (taken.record.deadlineKey) startFound(state(), link.deadline);
      if (link.decided !== undefined) {
        outcome = outcomeOf(decisionOf(taken.effects[0]!.type, snapshot, ctx)!, link.decided as NextDecided);
        continue;
      }
      const refused = i === chain!.links.length - 1 ? chain!.refused : null;
      if (!refused) return carryOut(taken.effects);
      // Its decision was refused after its record committed, as when that decision was an activity of its own.
      decisionOf(taken.effects[0]!.type, snapshot, ctx);
      took(ctx);
      throw ApplicationFailure.nonRetryable(refused.message, refused.type);
    }
    took(ctx);
    return apply(outcome, 'system', reasonOf(outcome));
  }

  const refuseUnlessAllowed = (command: OrderActionCommand, event = actionEvent(command.action, command)) => {
    if (!snapshot.can(event)) {
      // A v1 order's context lacks what later machines added; the defaults stand in for the message.
      const view = { state: state(), context: { ...initialContext(machineInput), ...context() } };
      throw ApplicationFailure.nonRetryable(refusalMessage(command.action, view, command), ACTION_NOT_ALLOWED);
    }
  };

  // An action recorded before claims held or remits were checked replays as it ran then. The patches are
  // asked only where the answer matters, so an order that never meets the case carries no marker.
  const asRecorded = (event: HumanEvent): HumanEvent => {
    if (event.type === 'CONFIRM_REMIT') return patched(REMIT_CHECKED_PATCH) ? event : { ...event, asBefore: true };
    if (event.type !== 'CLAIM' && event.type !== 'APPROVE' && event.type !== 'REJECT' && event.type !== 'SPLIT') return event;
    const before = { ...event, asBefore: true } as const;
    return snapshot.can(event) || !snapshot.can(before) || patched(CLAIM_HOLDS_PATCH) ? event : before;
  };

  setHandler(orderStateQuery, state);
  // A query adds nothing to the history, so orders recorded before it replay as they ran.
  setHandler(orderSnapshotQuery, () => ({
    state: state(),
    workAreaId,
    priorityScore: context().priorityScore ?? null,
    escalation: context().escalation ?? null,
    holds: context().holds ?? [],
    assignee: context().assignee ?? null,
    poolEnteredAt,
  }));
  // A cycle sends a release again until the order has taken it (after a crash it cannot know), so a
  // release that finds the order gone on is expected and dropped quietly.
  setHandler(releaseSignal, (release) =>
    serially(async () => {
      const event = { type: 'RELEASE', workAreaId: release.workAreaId } as const;
      // Orders that entered the pool before stays were stamped accept any release.
      const stale = release.queuedAt !== undefined && poolEnteredAt !== null && release.queuedAt !== poolEnteredAt;
      if (!stale && snapshot.can(event)) {
        workAreaId = release.workAreaId;
        await apply(event, 'system');
      } else log.debug('release not taken', { orderId, state: state() });
    }).catch((err: unknown) => log.warn('release failed', { orderId, state: state(), error: String(err) })),
  );
  setHandler(releaseEscalationSignal, ({ reason, role }) =>
    serially(async () => {
      const event = { type: 'ESCALATE', actor: 'system', reason, role } as const;
      // An escalation keeps its owner, reason and deadline: the rules of a later cycle do not overwrite a person's.
      if (state() === 'escalated' && patched(ESCALATED_ONCE_PATCH)) return;
      if (snapshot.can(event)) await apply(event, 'system', reason);
    }).catch((err: unknown) => log.warn('release escalation failed', { orderId, error: String(err) })),
  );
  setHandler(rulesPublishedSignal, (published) =>
    serially(async () => {
      if (published.decisionPoint === 'escalation') return redecideDeadline(published.version);
      // Only a waiting order is decided again; a released one keeps the decision it was released on.
      if (published.decisionPoint !== 'priority' || state() !== 'queued') return;
      const decision = await inTask.decidePriority({ orderId, decisionKey: nextKey() });
      await apply({ type: 'REPRIORITIZED', score: decision.score, decisionId: decision.decisionId }, 'system');
    }).catch((err: unknown) => log.warn(`re-decide after publishing the ${published.decisionPoint} rules skipped`, { orderId, decisionPoint: published.decisionPoint, error: String(err) })),
  );
  setHandler(holdCauseClearedSignal, ({ holdType, source }) =>
    serially(async () => {
      const event = { type: 'RELEASE_HOLD', actor: source, holdType } as const;
      if (!snapshot.can(event)) return;
      // A hold a person placed is a person's to release; the API refuses such a report, this keeps a late one out.
      const bySystem = context().holds.some((h) => h.type === holdType && placedBySystem(h));
      if (!bySystem && patched(SYSTEM_HOLDS_CLEARED_PATCH)) return;
      await apply(event, source, `The cause of the ${holdType} hold is gone.`);
    }).catch((err: unknown) => log.warn('hold clearance failed', { orderId, error: String(err) })),
  );
  // Only a waiting order is held: one a later cycle released since (a receipt came) has its stock.
  setHandler(stockShortSignal, ({ reason }) =>
    serially(async () => {
      const event = { type: 'HOLD', actor: STOCK_AT_RELEASE_PLACER, holdType: 'inventory', reason } as const;
      if (state() === 'queued' && snapshot.can(event)) await apply(event, STOCK_AT_RELEASE_PLACER, reason);
    }).catch((err: unknown) => log.warn('inventory hold at release failed', { orderId, error: String(err) })),
  );
  setHandler(
    orderActionUpdate,
    (command) =>
      serially(async () => {
        // Checked again here: an earlier action may have moved the order since the validator ran.
        const event = asRecorded(actionEvent(command.action, command));
        refuseUnlessAllowed(command, event);
        // Older code refused this split in the validator: the marker keeps a worker running it from replaying one.
        if (event.type === 'SPLIT' && state() === 'on_hold' && !patched(SPLIT_FROM_HOLD_PATCH)) {
          throw ApplicationFailure.nonRetryable('An order on hold is split only by this version of Sluice.', ACTION_NOT_ALLOWED);
        }
        // The job's id goes into the record's input only, not into a command, so histories replay unchanged.
        await apply(event, command.actor, command.reason, command.actorRoles, command.bulkJobId);
        return state();
      }),
    {
      // Refuse before the update enters history, so a refused action leaves no trace in the order's history.
      validator: refuseUnlessAllowed,
    },
  );

  // Steps are reported while the order is in progress; the routing itself (which step is next) is the store's to check.
  const refuseUnlessInWork = () => {
    if (state() !== 'in_progress') throw ApplicationFailure.nonRetryable(`Operations are completed while the order is in progress; it is ${state().replace('_', ' ')}.`, ACTION_NOT_ALLOWED);
  };
  setHandler(
    completeOperationUpdate,
    (command) =>
      serially(async () => {
        refuseUnlessInWork();
        const { last } = await inTask.completeOperation({ key: nextKey(), orderId, position: command.position, actor: command.actor, ...(command.actorRoles ? { actorRoles: command.actorRoles } : {}) });
        // The routing's last step done is the order done; a hold that blocks completion leaves it in progress for a person.
        const complete = actionEvent('complete', { actor: command.actor, ...(command.actorRoles ? { actorRoles: command.actorRoles } : {}) });
        if (last && snapshot.can(complete)) await apply(complete, command.actor, 'The last operation of its routing is done.', command.actorRoles);
        return state();
      }),
    { validator: (_command: OperationCompletedCommand) => refuseUnlessInWork() },
  );

  if (resume) {
    if (resume.deadline) startDeadline(resume.deadline);
  } else {
    await serially(async () => {
      const captured = { key: nextKey(), orderId, from: null, to: state(), event: 'CAPTURED', actor: 'system', reason: null, priorityScore: null, escalation: null, holds: [], assignee: null, data: null };
      await recordThenCarryOut(captured, initialEffects);
    });
  }
  // A long-lived order (escalated and resolved again and again) keeps its history bounded by continuing
  // as new between transitions, carrying its state, its step count and its pending deadline.
  const idle = () => busy === 0 && allHandlersFinished();
  await condition(() => snapshot.status === 'done' || (workflowInfo().continueAsNewSuggested && idle()));
  await condition(idle);
  if (snapshot.status === 'done') return state();
  return continueAsNew<typeof orderWorkflow>({ ...input, workAreaId, resume: { machineVersion, state: state(), context: context(), step, deadline: pendingDeadline(), poolEnteredAt } });
}
