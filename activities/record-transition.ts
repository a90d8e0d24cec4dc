import type { EntityManager } from '@mikro-orm/sql';
import { ApplicationFailure } from '@temporalio/activity';
import { claimOwnCycleCall, cycleCallOut } from '../store/cycle-calls.ts';
import { markFreshRecord } from '../store/decisions.ts';
import { inTransaction } from '../store/in-transaction.ts';
import { readCandidateAreas } from '../store/order-candidate-area.entity.ts';
import { arriveAtFirstOperation, completeOpenOperations, leaveOperations } from '../store/operation-progress.ts';
import { OrderNotInStore, projectTransition, type OrderTransition } from '../store/order-transition.ts';
import { poolWaits } from '../store/release-pool-reads.ts';
import type { areaControllerWorkflow } from '../workflows/area-controller.workflow.ts';
import { areaWorkflowId, capacityFreedSignal, withdrawSignal } from '../workflows/definitions.ts';
import type { PoolEntry } from '../workflows/pool-entry.ts';
import type { ActivityDeps } from './activity-deps.ts';
import { announceLoadDrop } from './complete-operation.ts';
import { deadlineDecider, type Deadline } from './decide-deadline.ts';
import { callAreaForCycle } from './enqueue-for-release.ts';

export interface TransitionRecord extends OrderTransition {
  /** What the area's controller hears once the transition is recorded: a slot given back, or the order gone from the pool. */
  tellArea?: { workAreaId: string; signals: AreaSignal[] };
  /** The decision key of the escalation deadline of the state entered, when it has one to decide: decided in the record's transaction. */
  deadlineKey?: string;
  /**
   * From revision 5, the order entered the pool: the areas that may release it are called for a cycle, the
   * call claimed in the record's transaction as made at `queuedAt` and signalled after the commit. A record
   * that runs again finds its own call and signals it again, so a call committed and never sent is not lost.
   */
  callCycle?: PoolEntry & { workAreaId: string };
}

export type AreaSignal = 'capacityFreed' | 'withdraw';
const AREA_SIGNALS = { capacityFreed: capacityFreedSignal, withdraw: withdrawSignal };

/**
 * Projects a transition to the read model and the audit log, with the deadline of the state entered when
 * asked, in one transaction, once per key; then tells the area what it needs to know (a retry tells it
 * again, which costs the area at most a spare cycle). Answers the deadline, if the state has one.
 */
export function recordTransitionActivity(deps: ActivityDeps) {
  const record = transitionRecorder(deps);
  return async function recordTransition(t: TransitionRecord): Promise<Deadline | null> {
    return (await record(t)).deadline;
  };
}

/** Records one more transition in the transaction: the records that follow a decision (revision 6). Answers its deadline. */
export type RecordMore = (t: TransitionRecord) => Promise<Deadline | null>;

/**
 * The record of a transition, as `recordTransition` makes it; `decide`, when given, is a decision the
 * transition calls for, made in the same transaction after the record, which may record the transitions
 * that follow it there too. A decision refused for good (no ruleset in force) leaves the record committed,
 * as when the two were activities of their own. What the area must hear is sent after the commit, for
 * every record.
 */
export function transitionRecorder(deps: ActivityDeps) {
  const decideDeadline = deadlineDecider(deps);
  return async <D>(t: TransitionRecord, decide?: (tx: EntityManager, recordMore: RecordMore) => Promise<D>): Promise<{ deadline: Deadline | null; decided: D | null }> => {
    let refused: ApplicationFailure | null = null;
    const { parts, decided } = await inTransaction(deps.store.em, async (tx) => {
      refused = null;
      const parts: { t: TransitionRecord; deadline: Deadline | null; unloaded: string[]; called: string[] }[] = [];
      const recordOne: RecordMore = async (r) => {
        const outcome = await projectTransition(tx, r, deps.clock());
        if (outcome === 'recorded') markFreshRecord(tx);
        const unloaded = outcome === 'recorded' ? await operationProgress(tx, r, deps.clock()) : [];
        const deadline = r.deadlineKey ? await decideDeadline({ orderId: r.orderId, state: r.to, decisionKey: r.deadlineKey }, tx) : null;
        parts.push({ t: r, deadline, unloaded, called: [] });
        return deadline;
      };
      await recordOne(t);
      const decided = decide
        ? await decide(tx, recordOne).catch((err: unknown) => {
            if (!(err instanceof ApplicationFailure && err.nonRetryable)) throw err;
            refused = err;
            return null;
          })
        : null;
      // Last: the area's row is one every order entering its pool writes, so it is held for the shortest time.
      for (const part of parts) if (part.t.callCycle) part.called = await claimCalls(tx, part.t.orderId, part.t.callCycle, deps.clock());
      return { parts, decided };
    }).catch((err: unknown) => {
      throw err instanceof OrderNotInStore ? ApplicationFailure.nonRetryable(err.message, 'OrderNotFound') : err;
    });
    for (const { t: r, called, unloaded } of parts) {
      if (r.tellArea) await tellArea(deps, r.orderId, r.tellArea);
      for (const areaId of called) await callArea(deps, areaId, r.callCycle!);
      if (unloaded.length > 0) await announceLoadDrop(deps, unloaded);
    }
    if (refused) throw refused;
    return { deadline: parts[0]!.deadline, decided };
  };
}

/** States an order re-enters the pool from after its release: its first operation had arrived. */
const RELEASED_WORK: ReadonlySet<string> = new Set(['released', 'assigned', 'returned', 'escalated']);

/**
 * What the transition does to the order's operations: a release brings the first to its area, a return to
 * the pool takes it away again; completing the order completes those still open (answered: the areas whose load dropped), so none is left behind.
 */
async function operationProgress(tx: EntityManager, t: TransitionRecord, now: Date): Promise<string[]> {
  if (t.event === 'RELEASE' || t.event === 'FORCE_RELEASE') await arriveAtFirstOperation(tx, t.orderId, now);
  else if (t.poolEnteredAt && t.from !== null && RELEASED_WORK.has(t.from)) await leaveOperations(tx, t.orderId);
  return t.to === 'completed' ? completeOpenOperations(tx, t.orderId, t.actor, now) : [];
}

/** The areas whose call for a cycle this record claims, of those that may release the order. */
async function claimCalls(tx: EntityManager, orderId: string, { workAreaId, queuedAt }: NonNullable<TransitionRecord['callCycle']>, now: Date): Promise<string[]> {
  const claimed: string[] = [];
  for (const areaId of (await readCandidateAreas(tx, orderId)) ?? [workAreaId]) if (await claimOwnCycleCall(tx, areaId, new Date(queuedAt), now)) claimed.push(areaId);
  return claimed;
}

async function callArea(deps: ActivityDeps, areaId: string, { workAreaId: _home, ...entry }: NonNullable<TransitionRecord['callCycle']>): Promise<void> {
  await callAreaForCycle(deps, areaId, entry);
}

async function tellArea(deps: ActivityDeps, orderId: string, { workAreaId, signals }: NonNullable<TransitionRecord['tellArea']>): Promise<void> {
  // A slot given back matters only to orders waiting for one, and a cycle already called will find it. Read
  // after the commit, so an order that enters the pool later finds the slot free when its own arrival calls the cycle.
  // (This only looks at the call: the controller may pass over a cycle for freed capacity, never one an order called.)
  const em = deps.store.em.fork();
  if (!(await poolWaits(em, workAreaId)) || (await cycleCallOut(em, workAreaId, deps.clock()))) return;
  for (const signal of signals) {
    // With start: an area whose controller is not running (never was, or was terminated) gets one that runs a cycle.
    await deps.temporal.workflow.signalWithStart<typeof areaControllerWorkflow, [{ orderId: string }]>('areaControllerWorkflow', {
      workflowId: areaWorkflowId(workAreaId),
      taskQueue: deps.taskQueue,
      args: [{ workAreaId }],
      signal: AREA_SIGNALS[signal],
      signalArgs: [{ orderId }],
    });
  }
}
