import type { ActivityDeps } from './activity-deps.ts';
import { assignOrderActivity } from './assign-order.ts';
import { completeOperationActivity } from './complete-operation.ts';
import { decideIntakeActivity } from './decide-intake.ts';
import { decideRemitActivity } from './decide-remit.ts';
import { decideReturnActivity } from './decide-return.ts';
import { decideDeadlineActivity } from './decide-deadline.ts';
import { decidePriorityActivity } from './decide-priority.ts';
import { enqueueForReleaseActivity } from './enqueue-for-release.ts';
import { createImportActivities } from './import-orders.ts';
import { notifyRunningDeadlinesActivity } from './notify-running-deadlines.ts';
import { notifyWaitingOrdersActivity } from './notify-waiting-orders.ts';
import { endOrdersNotRestoredActivity, reconcileRestoredOrdersActivity } from './reconcile-restored.ts';
import { recordAndDecideActivity } from './record-and-decide.ts';
import { recordTransitionActivity } from './record-transition.ts';
import { requestReleaseCyclesActivity } from './request-release-cycles.ts';
import { restatePriorityActivity } from './restate-priority.ts';
import { runReleaseCycleActivity } from './run-release-cycle.ts';
import { splitOrderActivity } from './split-order.ts';
import { createWebhookActivities } from './webhooks/index.ts';
import { createBulkJobActivities } from './bulk-jobs/index.ts';
import { createDocumentActivities } from './documents/index.ts';
import { createTripActivities } from './trips/index.ts';

export function createActivities(deps: ActivityDeps) {
  return {
    decidePriority: decidePriorityActivity(deps),
    decideDeadline: decideDeadlineActivity(deps),
    recordTransition: recordTransitionActivity(deps),
    recordAndDecide: recordAndDecideActivity(deps),
    enqueueForRelease: enqueueForReleaseActivity(deps),
    notifyWaitingOrders: notifyWaitingOrdersActivity(deps),
    notifyRunningDeadlines: notifyRunningDeadlinesActivity(deps),
    restatePriority: restatePriorityActivity(deps),
    decideIntake: decideIntakeActivity(deps),
    assignOrder: assignOrderActivity(deps),
    decideReturn: decideReturnActivity(deps),
    decideRemit: decideRemitActivity(deps),
    splitOrder: splitOrderActivity(deps),
    completeOperation: completeOperationActivity(deps),
    runReleaseCycle: runReleaseCycleActivity(deps),
    requestReleaseCycles: requestReleaseCyclesActivity(deps),
    reconcileRestoredOrders: reconcileRestoredOrdersActivity(deps),
    endOrdersNotRestored: endOrdersNotRestoredActivity(deps),
    ...createWebhookActivities(deps),
    ...createBulkJobActivities(deps),
    ...createImportActivities(deps),
    ...createDocumentActivities(deps),
    ...createTripActivities(deps),
  };
}

export type OrderActivities = ReturnType<typeof createActivities>;
export type { ActivityDeps } from './activity-deps.ts';
