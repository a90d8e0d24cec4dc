import { createHash, randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/sql';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { lineTotals, unitsOf, type NewOrder, type OrderSummary } from '../domain/order.ts';
import { appendAudit } from '../store/audit-log.ts';
import { AREA_KIND_FOR } from '../domain/work-area.ts';
import { createCandidateAreas } from '../store/order-candidate-area.entity.ts';
import { createOperations } from '../store/order-operation.entity.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { toOrderSummary } from '../store/order-read-model.ts';
import { DEFAULT_WORK_AREA } from '../store/seed.ts';
import { WorkAreaRecord } from '../store/work-area.entity.ts';
import { ORDER_WORKFLOW_REVISION, orderWorkflowId } from '../workflows/definitions.ts';
import type { orderWorkflow } from '../workflows/order.workflow.ts';
import type { ApiDeps } from './api-deps.ts';
import { UserError } from './errors.ts';

export interface IntakeResult {
  order: OrderSummary;
  /** True when the idempotency key had been seen: the order is the one the first request created. */
  replayed: boolean;
}

const hashOf = (order: NewOrder) => createHash('sha256').update(JSON.stringify(order)).digest('hex');

const invalid = (message: string, path: string, detail: string) => new UserError(400, 'invalid_request', message, [{ path, message: detail }]);

/**
 * Where the order may be released. A work area or a routing names one area, which must exist (and a routing
 * start there and pass only known areas). Otherwise every area of the kind that works the order's kind and
 * serves its zone and warehouse (an area without one serves all) is a candidate; the order waits in each of their pools
 * and the first to grant it a slot takes it. With no such area, the order goes to the default area.
 */
async function placeOrder(em: EntityManager, input: NewOrder): Promise<{ workAreaId: string; candidates: string[] }> {
  const named = input.workAreaId ?? input.routing?.[0]?.workAreaId;
  if (named === undefined) {
    const serves = (area: { zone?: string | null; warehouse?: string | null }) => (!area.zone || area.zone === input.zone) && (!area.warehouse || area.warehouse === input.warehouse);
    const ofKind = await em.find(WorkAreaRecord, { kind: AREA_KIND_FOR[input.kind] }, { fields: ['id', 'zone', 'warehouse'], orderBy: { id: 'asc' } });
    const candidates = ofKind.filter(serves).map((a) => a.id);
    if (candidates.length > 0) return { workAreaId: candidates[0]!, candidates };
  }
  const workAreaId = named ?? DEFAULT_WORK_AREA.id;
  // Only the areas the order names are read, unless one is unknown: then every area, for the message.
  const mentioned = new Set([workAreaId, ...(input.routing ?? []).map((step) => step.workAreaId)]);
  const found = await em.find(WorkAreaRecord, { id: { $in: [...mentioned] } }, { fields: ['id'] });
  const known = found.length === mentioned.size ? found : await em.find(WorkAreaRecord, {}, { fields: ['id'], orderBy: { id: 'asc' } });
  checkAreas(new Set(known.map((a) => a.id)), workAreaId, input);
  return { workAreaId, candidates: [workAreaId] };
}

/** The order's work area and every area on its routing exist, and the routing starts where the order waits. */
function checkAreas(known: ReadonlySet<string>, workAreaId: string, input: NewOrder): void {
  const list = [...known].join(', ') || 'none';
  if (!known.has(workAreaId)) throw invalid(`Work area "${workAreaId}" does not exist (known: ${list}).`, 'workAreaId', 'unknown work area');
  if (!input.routing) return;
  if (input.kind !== 'production') throw invalid(`Only production orders carry a routing; this one is a ${input.kind} order.`, 'routing', 'only for production orders');
  const first = input.routing[0]!.workAreaId;
  if (first !== workAreaId) throw invalid(`A routing starts at the order's work area, "${workAreaId}", where it waits for release; this one starts at "${first}".`, 'routing.0.workAreaId', 'not the order\'s work area');
  const unknown = input.routing.findIndex((step) => !known.has(step.workAreaId));
  if (unknown >= 0) throw invalid(`Routing step ${unknown + 1}: work area "${input.routing[unknown]!.workAreaId}" does not exist (known: ${list}).`, `routing.${unknown}.workAreaId`, 'unknown work area');
}

/**
 * Stores a new order and starts its workflow. With an idempotency key, a repeated request returns the
 * first order and (re)starts its workflow if the first attempt stopped between the two steps.
 */
export async function takeOrder(deps: ApiDeps, input: NewOrder, idempotencyKey: string | null): Promise<IntakeResult> {
  const em = deps.store.em.fork();
  const requestHash = hashOf(input);
  const existing = idempotencyKey ? await em.findOne(OrderRecord, { idempotencyKey }) : null;
  if (existing) return { order: await replay(deps, existing, requestHash), replayed: true };

  const { workAreaId, candidates } = await placeOrder(em, input);

  const id = randomUUID();
  try {
    await em.transactional(async (tx) => {
      tx.create(OrderRecord, {
        id,
        reference: input.reference ?? null,
        account: input.account,
        kind: input.kind,
        statedPriority: input.statedPriority,
        dueAt: new Date(input.dueAt),
        workAreaId,
        candidateAreas: candidates.length > 1 ? candidates : null,
        lines: input.lines,
        units: unitsOf(input.lines),
        ...lineTotals(input.lines),
        zone: input.zone ?? null,
        warehouse: input.warehouse ?? null,
        requiredSkills: input.requiredSkills ?? null,
        routing: input.routing ?? null,
        paymentMode: input.paymentMode,
        accountTier: input.accountTier ?? null,
        checks: input.checks ?? null,
        parentId: null,
        state: 'captured',
        priorityScore: null,
        idempotencyKey,
        requestHash,
      });
      if (input.routing) createOperations(tx, id, input.routing);
      createCandidateAreas(tx, id, candidates);
      appendAudit(tx, { dedupeKey: `intake:${id}`, subjectType: 'order', subjectId: id, action: 'intake', toState: 'captured', actor: 'api', data: { idempotencyKey } });
    });
  } catch (err) {
    // Two requests with one key raced; the loser answers with the winner's order.
    if (idempotencyKey && err instanceof UniqueConstraintViolationException) {
      const winner = await deps.store.em.fork().findOneOrFail(OrderRecord, { idempotencyKey });
      return { order: await replay(deps, winner, requestHash), replayed: true };
    }
    throw err;
  }
  const order = await deps.store.em.fork().findOneOrFail(OrderRecord, { id });
  await startWorkflow(deps, order);
  return { order: toOrderSummary(order), replayed: false };
}

async function replay(deps: ApiDeps, order: OrderRecord, requestHash: string): Promise<OrderSummary> {
  if (order.requestHash !== requestHash) {
    throw new UserError(409, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different order. Use a new key for a new order.');
  }
  await startWorkflow(deps, order);
  return toOrderSummary(order);
}

async function startWorkflow(deps: ApiDeps, order: OrderRecord): Promise<void> {
  try {
    await deps.temporal.workflow.start<typeof orderWorkflow>('orderWorkflow', {
      workflowId: orderWorkflowId(order.id),
      taskQueue: deps.taskQueue,
      args: [{ orderId: order.id, workAreaId: order.workAreaId, dueAt: order.dueAt.toISOString(), kind: order.kind, paymentMode: order.paymentMode, revision: ORDER_WORKFLOW_REVISION }],
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}
