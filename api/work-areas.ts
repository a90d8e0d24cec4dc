import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/sql';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { WorkArea, WorkAreaSettings, WorkAreaStatus } from '../domain/work-area.ts';
import { appendAudit } from '../store/audit-log.ts';
import { inTransaction } from '../store/in-transaction.ts';
import { toWorkArea, workAreaColumns, WorkAreaRecord } from '../store/work-area.entity.ts';
import { areaChangedSignal, areaWorkflowId } from '../workflows/definitions.ts';
import type { ApiDeps } from './api-deps.ts';
import { notFound, UserError } from './errors.ts';

/** The area's controller reads the area again; an area that never had work has no controller yet. */
export async function tellController(deps: ApiDeps, id: string): Promise<void> {
  try {
    await deps.temporal.workflow.getHandle(areaWorkflowId(id)).signal(areaChangedSignal);
  } catch (err) {
    if (!(err instanceof WorkflowNotFoundError)) throw err;
  }
}

export async function createWorkArea(deps: ApiDeps, area: WorkAreaSettings & { id: string }, actor: string): Promise<WorkArea> {
  try {
    await deps.store.em.fork().transactional(async (tx) => {
      tx.create(WorkAreaRecord, { id: area.id, ...workAreaColumns(area) });
      appendAudit(tx, { dedupeKey: `work-area:${area.id}:created`, subjectType: 'work_area', subjectId: area.id, action: 'created', actor, data: { settings: area } });
    });
  } catch (err) {
    if (err instanceof UniqueConstraintViolationException) throw new UserError(409, 'conflict', `A work area "${area.id}" exists already; change it with PUT /work-areas/${area.id}.`);
    throw err;
  }
  return findWorkArea(deps, area.id);
}

export async function findWorkAreaRecord(deps: ApiDeps, id: string): Promise<WorkAreaRecord> {
  const found = await deps.store.em.fork().findOne(WorkAreaRecord, { id });
  if (!found) throw notFound(`Work area ${id}`);
  return found;
}

export const findWorkArea = async (deps: ApiDeps, id: string): Promise<WorkArea> => toWorkArea(await findWorkAreaRecord(deps, id));

/** Changes an area's settings (audited with before and after) and lets its controller know. */
export async function updateWorkArea(deps: ApiDeps, id: string, change: Partial<WorkAreaSettings>, actor: string, reason: string | null = null): Promise<WorkArea> {
  // Concurrent changes to one area refuse each other's snapshot: the transaction runs again on the new state.
  const after = await inTransaction(deps.store.em, async (tx) => {
    const record = await tx.findOne(WorkAreaRecord, { id });
    if (!record) throw notFound(`Work area ${id}`);
    const before = toWorkArea(record);
    const changed: WorkArea = { ...before, ...change };
    tx.assign(record, workAreaColumns(changed));
    const action = Object.keys(change).length === 1 && change.status ? `status:${change.status}` : 'changed';
    appendAudit(tx, { dedupeKey: `work-area:${id}:${randomUUID()}`, subjectType: 'work_area', subjectId: id, action, actor, reason, data: { before, after: changed } });
    return changed;
  });
  await tellController(deps, id);
  return after;
}

export const setWorkAreaStatus = (deps: ApiDeps, id: string, status: WorkAreaStatus, actor: string, reason: string) => updateWorkArea(deps, id, { status }, actor, reason);
