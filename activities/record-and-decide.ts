import type { EntityManager } from '@mikro-orm/sql';
import type { ActivityDeps } from './activity-deps.ts';
import { orderAssigner, retryingTakenResources } from './assign-order.ts';
import type { Deadline } from './decide-deadline.ts';
import { decideIntakeActivity } from './decide-intake.ts';
import { decidePriorityActivity } from './decide-priority.ts';
import { decideRemitActivity } from './decide-remit.ts';
import { decideReturnActivity } from './decide-return.ts';
import { ApplicationFailure } from '@temporalio/activity';
import type { OrderKind } from '../domain/order.ts';
import { decisionOf, outcomeOf, reasonOf, stepOf, type StepContext } from '../workflows/lifecycle-step.ts';
import { machineFor } from '../workflows/machines/machine-for-kind.ts';
import type { OrderMachineContext } from '../workflows/machines/order-core.ts';
import { transitionRecorder, type RecordMore, type TransitionRecord } from './record-transition.ts';

function deciders(deps: ActivityDeps) {
  const assignIn = orderAssigner(deps);
  return {
    decideIntake: decideIntakeActivity(deps),
    decidePriority: decidePriorityActivity(deps),
    decideRemit: decideRemitActivity(deps),
    decideReturn: decideReturnActivity(deps),
    assignOrder: (request: Parameters<typeof assignIn>[1], em: EntityManager) => assignIn(em, request),
  };
}
type Deciders = ReturnType<typeof deciders>;

/** A decision a transition calls for (the effect of the machine that asks for it), named by the activity that makes it on its own. */
export type NextDecision = { [K in keyof Deciders]: { activity: K; request: Parameters<Deciders[K]>[0] } }[keyof Deciders];
export type NextDecided = Awaited<ReturnType<Deciders[keyof Deciders]>>;

/** From revision 6: the order's machine as the workflow holds it when it asks, so the steps after the decision can be taken here. */
export interface FollowRequest {
  kind: OrderKind;
  value: unknown;
  context: OrderMachineContext;
  /** The workflow's step context after the decision's key: the steps taken here count their keys on from it. */
  ctx: StepContext;
}

/**
 * The transitions recorded after the decision, in order: each one's deadline and, but for the last, the
 * decision it called for. `refused`: the last one's decision was refused for good, after its record.
 */
export interface ChainedRecords {
  links: { deadline: Deadline | null; decided?: NextDecided }[];
  refused: { message: string; type: string | null } | null;
}

/**
 * From revision 5: the record of a transition and the decision it calls for, in one transaction and one
 * local activity, where they were two of each. Each keeps its own key, so a retry finds both once; an
 * assignment that loses a resource's last slot to another runs again with its record. From revision 6,
 * with `follow`, the transitions the decision leads to are recorded in the same transaction too, for as
 * long as each leaves nothing but another decision to do (see `recordDecideAndFollow` in the workflow).
 */
export function recordAndDecideActivity(deps: ActivityDeps) {
  const record = transitionRecorder(deps);
  const decide = deciders(deps);
  const decideIn = (next: NextDecision, tx: EntityManager) => (decide[next.activity] as (request: NextDecision['request'], em: EntityManager) => Promise<NextDecided>)(next.request, tx);
  return async function recordAndDecide({ next, follow, ...t }: TransitionRecord & { next: NextDecision; follow?: FollowRequest }): Promise<{ deadline: Deadline | null; decided: NextDecided; chain?: ChainedRecords }> {
    let chain: ChainedRecords | undefined;
    const { deadline, decided } = await retryingTakenResources(() =>
      record(t, async (tx, recordMore) => {
        const decided = await decideIn(next, tx);
        if (follow) chain = await followDecision(follow, next, decided, recordMore, (n) => decideIn(n, tx));
        return decided;
      }),
    );
    // Present: the record throws when there is no order, or when the decision is refused.
    return { deadline, decided: decided!, ...(chain ? { chain } : {}) };
  };
}

/** Takes and records the steps a decision leads to, while each leaves only another decision to make. */
async function followDecision(follow: FollowRequest, next: NextDecision, decided: NextDecided, recordMore: RecordMore, decide: (next: NextDecision) => Promise<NextDecided>): Promise<ChainedRecords> {
  const machine = machineFor(follow.kind);
  let snapshot = machine.resolveState({ value: follow.value as never, context: follow.context });
  const ctx = { ...follow.ctx };
  const links: ChainedRecords['links'] = [];
  for (;;) {
    const event = outcomeOf(next, decided);
    // An event the order does not take is the workflow's to refuse, as it refuses it today.
    if (!snapshot.can(event)) return { links, refused: null };
    const taken = stepOf(machine, snapshot, event, ctx, { actor: 'system', reason: reasonOf(event) });
    snapshot = taken.snapshot;
    const link: ChainedRecords['links'][number] = { deadline: await recordMore(taken.record) };
    links.push(link);
    const following = taken.effects.length === 1 ? decisionOf(taken.effects[0]!.type, snapshot, ctx) : null;
    if (!following) return { links, refused: null };
    try {
      decided = await decide(following);
    } catch (err) {
      if (!(err instanceof ApplicationFailure && err.nonRetryable)) throw err;
      return { links, refused: { message: err.message, type: err.type ?? null } };
    }
    link.decided = decided;
    next = following;
  }
}
