import { createHash, randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/sql';
import { lineTotals, unitsOf, type NewOrder, type OrderSummary } from '../domain/order.ts';
import { appendAudit } from '../store/audit-log.ts';
import { AREA_KIND_FOR, type WorkAreaKind } from '../domain/work-area.ts';
import { createCandidateAreas } from '../store/order-candidate-area.entity.ts';
import { createOrderSkus } from '../store/order-search.ts';
import { createOperations } from '../store/order-operation.entity.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { toOrderSummary } from '../store/order-read-model.ts';
import { DEFAULT_WORK_AREA } from '../store/seed.ts';
import { WorkAreaRecord } from '../store/work-area.entity.ts';
import type { ApiDeps } from './api-deps.ts';
import type { Principal } from './auth/principal.ts';
import { UserError } from './errors.ts';
import { readAccountTiers } from '../store/accounts/accounts.ts';
import { startOrderWorkflow } from './start-order-workflow.ts';
import { temporalReachable } from './temporal-gate.ts';
import { log } from '../logging/logger.ts';

export interface IntakeResult {
  order: OrderSummary;
  /** True when the idempotency key had been seen: the order is the one the first request created. */
  replayed: boolean;
  /** False when Temporal could not be reached: the order is stored, and the intake sweeper starts its workflow. */
  started: boolean;
}

/** An Idempotency-Key and whose it is: keys are chosen by each caller, so two callers' keys never meet. */
export interface IdempotencyKey {
  key: string;
  scope: string;
}

export const idempotencyScopeOf = (principal: Principal): string =>
  principal.kind === 'token' ? `token:${principal.tokenId}` : principal.kind === 'user' ? `user:${principal.userId}` : 'anonymous';

export const hashOf = (order: NewOrder) => createHash('sha256').update(JSON.stringify(order)).digest('hex');

const invalid = (message: string, path: string, detail: string) => new UserError(400, 'invalid_request', message, [{ path, message: detail }]);

/** The work areas intake reads to place an order: from the store one query at a time, or from a list a batch read once. */
export interface AreaDirectory {
  /** The id, zone and warehouse of every area of `kind`, by id. */
  ofKind(kind: WorkAreaKind): Promise<{ id: string; zone?: string | null; warehouse?: string | null }[]>;
  /** Which of `ids` exist. */
  existing(ids: readonly string[]): Promise<string[]>;
  /** Every area's id, by id. */
  all(): Promise<string[]>;
}

export const storeAreas = (em: EntityManager): AreaDirectory => ({
  ofKind: (kind) => em.find(WorkAreaRecord, { kind }, { fields: ['id', 'zone', 'warehouse'], orderBy: { id: 'asc' } }),
  existing: async (ids) => (await em.find(WorkAreaRecord, { id: { $in: [...ids] } }, { fields: ['id'] })).map((a) => a.id),
  all: async () => (await em.find(WorkAreaRecord, {}, { fields: ['id'], orderBy: { id: 'asc' } })).map((a) => a.id),
});

/**
 * Where the order may be released. A work area or a routing names one area, which must exist (and a routing
 * start there and pass only known areas). Otherwise every area of the kind that works the order's kind and
 * serves its zone and warehouse (an area without one serves all) is a candidate; the order waits in each of their pools
 * and the first to grant it a slot takes it. With no such area, the order goes to the default area.
 */
export async function placeOrder(areas: AreaDirectory, input: NewOrder): Promise<Placement> {
  const named = input.workAreaId ?? input.routing?.[0]?.workAreaId;
  if (named === undefined) {
    const serves = (area: { zone?: string | null; warehouse?: string | null }) => (!area.zone || area.zone === input.zone) && (!area.warehouse || area.warehouse === input.warehouse);
    const candidates = (await areas.ofKind(AREA_KIND_FOR[input.kind])).filter(serves).map((a) => a.id);
    if (candidates.length > 0) return { workAreaId: candidates[0]!, candidates };
  }
  const workAreaId = named ?? DEFAULT_WORK_AREA.id;
  // Only the areas the order names are read, unless one is unknown: then every area, for the message.
  const mentioned = new Set([workAreaId, ...(input.routing ?? []).map((step) => step.workAreaId)]);
  const found = await areas.existing([...mentioned]);
  const known = found.length === mentioned.size ? found : await areas.all();
  checkAreas(new Set(known), workAreaId, input);
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

export interface Placement {
  workAreaId: string;
  candidates: string[];
}

export interface NewOrderRecord {
  id: string;
  input: NewOrder;
  placement: Placement;
  idempotency: IdempotencyKey | null;
  requestHash: string;
  /** The tier of the order's account when it is on file: it, not the payload's, is what the order is ranked by. */
  tierOnFile?: string | undefined;
}

/** Adds a taken order, its routing and candidate rows and its intake audit entry to `tx`'s unit of work. */
export function recordNewOrder(tx: EntityManager, { id, input, placement, idempotency, requestHash, tierOnFile }: NewOrderRecord): void {
  const { workAreaId, candidates } = placement;
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
    pickupLat: input.pickupLocation?.lat ?? null,
    pickupLng: input.pickupLocation?.lng ?? null,
    dropoffLat: input.dropoffLocation?.lat ?? null,
    dropoffLng: input.dropoffLocation?.lng ?? null,
    requiredSkills: input.requiredSkills ?? null,
    routing: input.routing ?? null,
    paymentMode: input.paymentMode,
    carrierType: input.carrierType ?? null,
    codAmount: input.codAmount ?? null,
    accountTier: tierOnFile ?? input.accountTier ?? null,
    checks: input.checks ?? null,
    parentId: null,
    state: 'captured',
    priorityScore: null,
    idempotencyKey: idempotency?.key ?? null,
    idempotencyScope: idempotency?.scope ?? null,
    requestHash,
  });
  if (input.routing) createOperations(tx, id, input.routing);
  createCandidateAreas(tx, id, candidates);
  createOrderSkus(tx, id, input.lines);
  appendAudit(tx, { dedupeKey: `intake:${id}`, subjectType: 'order', subjectId: id, action: 'intake', toState: 'captured', actor: 'api', data: { idempotencyKey: idempotency?.key ?? null } });
}

/**
 * Stores a new order and starts its workflow. With an idempotency key, a repeated request from the same
 * caller returns the first order. An order stored whose workflow could not be started (Temporal down, or
 * the process stopped between the two steps) is started by the intake sweeper, or by a repeated request.
 */
export async function takeOrder(deps: ApiDeps, input: NewOrder, idempotency: IdempotencyKey | null): Promise<IntakeResult> {
  const em = deps.store.em.fork();
  const requestHash = hashOf(input);
  const byKey = idempotency ? { idempotencyScope: idempotency.scope, idempotencyKey: idempotency.key } : null;
  const existing = byKey ? await em.findOne(OrderRecord, byKey) : null;
  if (existing) return replay(deps, existing, requestHash);

  const placement = await placeOrder(storeAreas(em), input);

  const id = randomUUID();
  const tierOnFile = (await readAccountTiers(em, [input.account])).get(input.account);
  try {
    await em.transactional(async (tx) => recordNewOrder(tx, { id, input, placement, idempotency, requestHash, tierOnFile }));
  } catch (err) {
    // Two requests with one key raced; the loser answers with the winner's order.
    if (byKey && err instanceof UniqueConstraintViolationException) {
      return replay(deps, await deps.store.em.fork().findOneOrFail(OrderRecord, byKey), requestHash);
    }
    throw err;
  }
  const order = await deps.store.em.fork().findOneOrFail(OrderRecord, { id });
  return { order: toOrderSummary(order), replayed: false, started: await tryStart(deps, order) };
}

export const idempotencyKeyReused = () =>
  new UserError(409, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different order. Use a new key for a new order.');

async function replay(deps: ApiDeps, order: OrderRecord, requestHash: string): Promise<IntakeResult> {
  if (order.requestHash !== requestHash) throw idempotencyKeyReused();
  // Only a captured order may lack its workflow; any other has one, running or closed, and is left alone.
  const started = order.state === 'captured' ? await tryStart(deps, order) : true;
  return { order: toOrderSummary(order), replayed: true, started };
}

/** Starts the order's workflow if it never ran; false when Temporal could not be reached, which leaves it to the sweeper. */
async function tryStart(deps: ApiDeps, order: OrderRecord): Promise<boolean> {
  if (!(await temporalReachable(deps.temporal))) {
    log.warn({ orderId: order.id }, 'order stored; Temporal cannot be reached, so the intake sweeper will start its workflow');
    return false;
  }
  try {
    await startOrderWorkflow(deps.temporal, deps.taskQueue, order);
    return true;
  } catch (err) {
    log.warn({ orderId: order.id, err }, 'order stored, but its workflow could not be started yet (the intake sweeper will start it)');
    return false;
  }
}
