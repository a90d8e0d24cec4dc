import { randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { EntityManager } from '@mikro-orm/sql';
import { suggestMapping, unknownHeaders } from '../../domain/import-mapping.ts';
import { importMapping, MAX_IMPORT_ROWS, SAMPLE_ROWS, type ImportMapping, type ImportSummary } from '../../domain/order-import.ts';
import { OrderImportRecord } from '../../store/order-import.entity.ts';
import { insertImportRows, readImportCells, replaceImportRows, type StoredRow } from '../../store/order-imports.ts';
import type { ImportOrdersInput, importOrdersWorkflow } from '../../workflows/import-orders.workflow.ts';
import type { ApiDeps } from '../api-deps.ts';
import { notFound, UserError } from '../errors.ts';
import { withTemporal } from '../temporal-gate.ts';
import { judgeRows } from './judge-rows.ts';
import type { UploadedTable } from './read-upload.ts';

/** Rows an import takes per activity: a retried chunk redoes at most this many rows' lookups. */
export const IMPORT_CHUNK_ROWS = 250;
// Rows judged per read while validating: the whole file is judged, but read a slice at a time.
const VALIDATE_PAGE = 5_000;

export const importWorkflowId = (importId: string) => `import-${importId}`;

export function summaryOf(r: OrderImportRecord): ImportSummary {
  return {
    id: r.id,
    fileName: r.fileName,
    format: r.format,
    state: r.state,
    headers: r.headers,
    mapping: r.mapping ?? null,
    suggestedMapping: suggestMapping(r.headers),
    counts: { rows: r.rows, valid: r.valid, invalid: r.invalid, duplicates: r.duplicates, created: r.created, rejected: r.rejected, processed: r.processed },
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function findImport(em: EntityManager, id: string): Promise<OrderImportRecord> {
  const found = await em.findOne(OrderImportRecord, { id });
  if (!found) throw notFound(`Import ${id}`);
  return found;
}

/** Keeps an uploaded file's rows, with the suggested mapping as the mapping to start from. */
export async function createImport(deps: ApiDeps, table: UploadedTable, fileName: string, who: { actor: string; scope: string }): Promise<OrderImportRecord> {
  const id = randomUUID();
  const now = new Date();
  const suggested = suggestMapping(table.headers);
  const em = deps.store.em.fork();
  await em.transactional(async (tx) => {
    tx.create(OrderImportRecord, {
      id,
      fileName,
      format: table.format,
      state: 'uploaded',
      headers: table.headers,
      mapping: Object.keys(suggested).length > 0 ? suggested : null,
      rows: table.rows.length,
      createdBy: who.actor,
      scope: who.scope,
      createdAt: now,
      updatedAt: now,
    });
    await tx.flush();
    await insertImportRows(tx, id, table.rows.map((cells, i) => ({ row: i + 1, cells, outcome: 'pending', problems: null, orderId: null })));
  });
  return em.findOneOrFail(OrderImportRecord, { id });
}

export const sampleOf = (table: UploadedTable) => table.rows.slice(0, SAMPLE_ROWS);

const busy = (r: OrderImportRecord) =>
  new UserError(409, 'import_started', r.state === 'done' ? 'This import is done: upload the file again to import it anew.' : 'This import is running: wait for it to finish.');

/** Sets the mapping; the dry run is to be made again. */
export async function setMapping(deps: ApiDeps, id: string, mapping: ImportMapping): Promise<OrderImportRecord> {
  const em = deps.store.em.fork();
  const r = await findImport(em, id);
  if (r.state === 'running' || r.state === 'done') throw busy(r);
  const unknown = unknownHeaders(mapping, r.headers);
  if (unknown.length > 0) {
    throw new UserError(400, 'invalid_request', `The file has no column ${unknown.map((h) => `"${h}"`).join(', ')}; its columns are ${r.headers.map((h) => `"${h}"`).join(', ')}.`);
  }
  Object.assign(r, { mapping, state: 'uploaded', valid: 0, invalid: 0, duplicates: 0, updatedAt: new Date() });
  await em.flush();
  return r;
}

/** The dry run: every row judged with the mapping, its outcome and problems kept for the report; nothing is taken. */
export async function validateImport(deps: ApiDeps, id: string): Promise<OrderImportRecord> {
  const em = deps.store.em.fork();
  const r = await findImport(em, id);
  if (r.state === 'running' || r.state === 'done') throw busy(r);
  // The mapping suggested at upload may lack a required field: the person has to map it first.
  const complete = importMapping.safeParse(r.mapping ?? {});
  if (!complete.success || !r.mapping) {
    const missing = complete.success ? '' : `: ${complete.error.issues.map((i) => i.message).join('; ')}`;
    throw new UserError(409, 'no_mapping', `Map the file's columns to order fields first (PUT /imports/{id}/mapping)${missing}.`);
  }
  const earlier = new Map<string, number>();
  const judged: StoredRow[] = [];
  for (let from = 1; from <= r.rows; from += VALIDATE_PAGE) {
    const cells = await readImportCells(em, id, from, Math.min(r.rows, from + VALIDATE_PAGE - 1));
    for (const j of await judgeRows(em, { id, headers: r.headers, mapping: r.mapping, scope: r.scope }, cells, earlier)) {
      const outcome = j.outcome === 'taken' ? 'duplicate' : j.outcome;
      const problems = j.outcome === 'taken' ? [{ column: null, field: 'row', message: `this import took it before, as order ${j.orderId}` }] : j.problems;
      judged.push({ row: j.row, cells: j.cells, outcome, problems, orderId: j.orderId });
    }
  }
  const count = (outcome: string) => judged.filter((j) => j.outcome === outcome).length;
  await em.transactional(async (tx) => {
    await replaceImportRows(tx, id, 1, MAX_IMPORT_ROWS, judged);
    const record = await tx.findOneOrFail(OrderImportRecord, { id });
    Object.assign(record, { state: 'validated', valid: count('valid'), invalid: count('invalid'), duplicates: count('duplicate'), updatedAt: new Date() });
  });
  return em.fork().findOneOrFail(OrderImportRecord, { id });
}

/** Starts taking the good rows in the background; the answer does not wait for them. */
export async function runImport(deps: ApiDeps, id: string): Promise<OrderImportRecord> {
  const em = deps.store.em.fork();
  const r = await findImport(em, id);
  if (r.state === 'running' || r.state === 'done') throw busy(r);
  if (r.state !== 'validated') throw new UserError(409, 'not_validated', 'Make the dry run first (POST /imports/{id}/validate): it shows which rows would be taken.');
  if (r.valid === 0) throw new UserError(409, 'nothing_to_import', 'No row of this file is good to import: fix the rows the dry run reports and upload the file again.');
  const input: ImportOrdersInput = { importId: id, rows: r.rows, chunkRows: IMPORT_CHUNK_ROWS };
  await withTemporal(deps.temporal, 'Starting the import', async () => {
    try {
      await deps.temporal.workflow.start<typeof importOrdersWorkflow>('importOrdersWorkflow', { workflowId: importWorkflowId(id), taskQueue: deps.taskQueue, args: [input] });
    } catch (err) {
      // A second request to run it, or a retry after a lost answer: the import runs once.
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
  });
  Object.assign(r, { state: 'running', updatedAt: new Date() });
  await em.flush();
  return r;
}
