import type { EntityManager } from '@mikro-orm/sql';
import type { ActivityDeps } from './activity-deps.ts';
import { orderAssigner, retryingTakenResources } from './assign-order.ts';
import type { Deadline } from './decide-deadline.ts';
import { decideIntakeActivity } from './decide-intake.ts';
import { decidePriorityActivity } from './decide-priority.ts';
import { decideRemitActivity } from './decide-remit.ts';
import { decideReturnActivity } from './decide-return.ts';
import { transitionRecorder, type TransitionRecord } from './record-transition.ts';

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

/**
 * From revision 5: the record of a transition and the decision it calls for, in one transaction and one
 * local activity, where they were two of each. Each keeps its own key, so a retry finds both once; an
 * assignment that loses a resource's last slot to another runs again with its record.
 */
export function recordAndDecideActivity(deps: ActivityDeps) {
  const record = transitionRecorder(deps);
  const decide = deciders(deps);
  return async function recordAndDecide({ next, ...t }: TransitionRecord & { next: NextDecision }): Promise<{ deadline: Deadline | null; decided: NextDecided }> {
    const decideIn = decide[next.activity] as (request: NextDecision['request'], em: EntityManager) => Promise<NextDecided>;
    const { deadline, decided } = await retryingTakenResources(() => record(t, (tx) => decideIn(next.request, tx)));
    // Present: the record throws when there is no order, or when the decision is refused.
    return { deadline, decided: decided! };
  };
}
