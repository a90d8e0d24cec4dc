import type { ActivityDeps } from './activity-deps.ts';
import { decideDeadlineActivity } from './decide-deadline.ts';
import { decidePriorityActivity } from './decide-priority.ts';
import { enqueueForReleaseActivity } from './enqueue-for-release.ts';
import { loadWorkAreaActivity } from './load-work-area.ts';
import { notifyWaitingOrdersActivity } from './notify-waiting-orders.ts';
import { recordTransitionActivity } from './record-transition.ts';
import { restatePriorityActivity } from './restate-priority.ts';

export function createActivities(deps: ActivityDeps) {
  return {
    decidePriority: decidePriorityActivity(deps),
    decideDeadline: decideDeadlineActivity(deps),
    recordTransition: recordTransitionActivity(deps),
    enqueueForRelease: enqueueForReleaseActivity(deps),
    loadWorkArea: loadWorkAreaActivity(deps),
    notifyWaitingOrders: notifyWaitingOrdersActivity(deps),
    restatePriority: restatePriorityActivity(deps),
  };
}

export type OrderActivities = ReturnType<typeof createActivities>;
export type { ActivityDeps } from './activity-deps.ts';
