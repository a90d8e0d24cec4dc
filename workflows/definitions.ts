import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CycleTrigger } from '../domain/cycle-trigger.ts';
import type { DecisionPointId } from '../domain/decision-points.ts';
import type { HoldType, OrderActionName, OrderState } from '../domain/lifecycle.ts';
import type { OrderSnapshot } from '../domain/order-snapshot.ts';
import type { Role } from '../domain/roles.ts';
import type { ActionDetails } from './machines/order-actions.ts';
import type { PoolEntry } from './pool-entry.ts';

/** Shared by workflows, activities and the API: the names Temporal knows each message by. */

/**
 * The revision new orders start on, named in their input and kept across continue-as-new and splits.
 * 1: the v1 machine. 2: the per-kind machines, marked by LIFECYCLE_V2_PATCH. 3: as 2, with the revision
 * in the input instead of a patch marker (a marker costs every order a search-attribute update on the
 * server), and the area told of freed capacity by the transition's record activity. 4: as 3, with the
 * decisions and records as local activities (no server round trip each), and the deadline of a state
 * decided in the record of the transition into it. 5: as 4, with the decision a transition calls for
 * first (intake, priority, assignment, return, remit) made with its record, in one local activity and one
 * transaction (`recordAndDecide`). 6: as 5, with the transitions a decision leads to recorded in that
 * activity and transaction too, while each leaves only another decision to make (intake, then priority,
 * then the pool; an assignment, then the assigned state; a remit, then closed). Each order keeps the
 * revision it started on, so recorded histories of every revision replay unchanged.
 */
export const ORDER_WORKFLOW_REVISION = 6;

/** A person's action as the workflow receives it; `actorRoles` also go to the audit log. */
export interface OrderActionCommand extends ActionDetails {
  action: OrderActionName;
}

/** A person's action on an order; the update answers with the new state or refuses. */
export const orderActionUpdate = defineUpdate<OrderState, [OrderActionCommand]>('orderAction');
/** A routing step reported done (a line terminal, a field app): who reported it, and with which roles. */
export interface OperationCompletedCommand {
  position: number;
  actor: string;
  actorRoles?: Role[];
}
/** An operation-completed event; the update answers with the order's state after it (completed, after the last step). */
export const completeOperationUpdate = defineUpdate<OrderState, [OperationCompletedCommand]>('completeOperation');
export const orderStateQuery = defineQuery<OrderState>('orderState');
export const orderSnapshotQuery = defineQuery<OrderSnapshot>('orderSnapshot');
/** Sent by a work area's controller when the order may enter the area. */
export const releaseSignal = defineSignal<[{ workAreaId: string; queuedAt?: string }]>('release');
/** A release cycle's rules escalated the waiting order to a person. */
export const releaseEscalationSignal = defineSignal<[{ reason: string; role: Role }]>('releaseEscalation');

/** New rules are in force for a decision point: a waiting order is decided again. */
export const rulesPublishedSignal = defineSignal<[{ decisionPoint: DecisionPointId; version: number }]>('rulesPublished');

/** The system that caused a hold reports the cause gone (stock arrived, credit paid): the hold is released. */
export const holdCauseClearedSignal = defineSignal<[{ holdType: HoldType; source: string }]>('holdCauseCleared');
/** A release cycle found the order's warehouse short of its stock (it reserves at release): the order waits on an inventory hold instead. */
export const stockShortSignal = defineSignal<[{ reason: string }]>('stockShortAtRelease');

/** An order entered the area's pool (the pool itself is in the store): the area runs a release cycle. */
export const enqueueSignal = defineSignal<[PoolEntry]>('enqueue');
/** Something outside the area changed what a cycle would decide (rules published): the area runs a cycle. */
export const cycleRequestSignal = defineSignal<[{ trigger: CycleTrigger }]>('cycleRequest');
/** A waiting order's priority changed: the area ranks its pool again. */
export const rerankSignal = defineSignal<[{ orderId: string; priorityScore: number }]>('rerank');
/** An admin or ops manager changed the area (status, limit, shift calendar): its controller reads it again. */
export const areaChangedSignal = defineSignal('areaChanged');
/** A dispatcher's override: the order takes a slot now, over the WIP limit if need be. */
export const forceReleaseSignal = defineSignal<[{ orderId: string }]>('forceRelease');
export const capacityFreedSignal = defineSignal<[{ orderId: string }]>('capacityFreed');
/** The order leaves the area without finishing (cancelled): out of the pool, and its slot back if it held one. */
export const withdrawSignal = defineSignal<[{ orderId: string }]>('withdraw');

export const orderWorkflowId = (orderId: string) => `order-${orderId}`;
export const areaWorkflowId = (workAreaId: string) => `area-${workAreaId}`;

/** Failure types the API maps to HTTP answers. */
export const ACTION_NOT_ALLOWED = 'ActionNotAllowed';
