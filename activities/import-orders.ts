import { Context } from '@temporalio/activity';
import { takeOrders } from '../api/order-batch-intake.ts';
import { importKey, judgeRows, type JudgedRow } from '../api/imports/judge-rows.ts';
import type { OrderBatchItemResult } from '../domain/order-batch.ts';
import { importDoneNotice, type ImportField, type ImportMapping, type RowProblem } from '../domain/order-import.ts';
import { notifyUsername } from '../store/notifications/notifications.ts';
import { OrderImportRecord } from '../store/order-import.entity.ts';
import { countImportRows, readImportCells, replaceImportRows, type StoredRow } from '../store/order-imports.ts';
import type { ActivityDeps } from './activity-deps.ts';

export interface ImportChunk {
  importId: string;
  /** The first and last row of the chunk, inclusive. */
  from: number;
  to: number;
}

/** Intake's refusal as the row's problem: its sentence, at the column of the field it names. */
function problemsOf(result: Extract<OrderBatchItemResult, { outcome: 'rejected' }>, mapping: ImportMapping): RowProblem[] {
  const field = result.error.issues?.[0]?.path.replace(/^order\./, '').split('.')[0] ?? 'row';
  return [{ column: mapping[field as ImportField] ?? null, field, message: result.error.message }];
}

/**
 * Takes a chunk of an import's rows, each through the intake of `POST /orders` under the key of its import
 * and row number: a retried chunk finds the orders its first attempt took and answers them again, so no
 * row makes two orders. The chunk's results and the import's counts are written in one transaction.
 */
export function takeImportChunkActivity(deps: ActivityDeps) {
  return (chunk: ImportChunk): Promise<void> => beating(() => takeChunk(deps, chunk));
}

const BEAT_MS = 5_000;

/**
 * Runs `work` with a heartbeat every few seconds while this process lives: a worker killed mid-chunk stops
 * beating, and Temporal gives the chunk to another within the heartbeat timeout. Outside an activity (a
 * test taking a chunk directly) nobody listens.
 */
async function beating<T>(work: () => Promise<T>): Promise<T> {
  let context: Context | null = null;
  try {
    context = Context.current();
  } catch {
    return work();
  }
  const timer = setInterval(() => context.heartbeat(), BEAT_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

async function takeChunk(deps: ActivityDeps, { importId, from, to }: ImportChunk): Promise<void> {
  const em = deps.store.em.fork();
  const imp = await em.findOneOrFail(OrderImportRecord, { id: importId });
  const judged = await judgeRows(em, { id: imp.id, headers: imp.headers, mapping: imp.mapping!, scope: imp.scope }, await readImportCells(em, importId, from, to), new Map());
  const taking = judged.filter((j): j is Extract<JudgedRow, { order: object }> => j.order !== null);
  const batch = await takeOrders(deps, taking.map((j) => ({ idempotencyKey: importKey(importId, j.row), order: j.order })), imp.scope);
  const results = new Map(taking.map((j, i) => [j.row, batch.results[i]!]));
  const rows = judged.map((j): StoredRow => {
    const result = results.get(j.row);
    // A duplicate by its own key is this row's order, taken by an earlier attempt.
    if (result && result.outcome !== 'rejected') return { row: j.row, cells: j.cells, outcome: 'created', problems: null, orderId: result.orderId };
    if (result) return { row: j.row, cells: j.cells, outcome: 'rejected', problems: problemsOf(result, imp.mapping!), orderId: null };
    return { row: j.row, cells: j.cells, outcome: j.outcome === 'duplicate' ? 'duplicate' : 'rejected', problems: j.problems, orderId: j.orderId };
  });
  await em.transactional(async (tx) => {
    await replaceImportRows(tx, importId, from, to, rows);
    const n = await countImportRows(tx, importId);
    const record = await tx.findOneOrFail(OrderImportRecord, { id: importId });
    Object.assign(record, { processed: Math.max(record.processed, to), created: n.created ?? 0, rejected: n.rejected ?? 0, duplicates: n.duplicate ?? 0, updatedAt: deps.clock() });
  });
}

/** Ends an import: every row has its result, and the person who ran it is told, once however often this runs. */
export function finishImportActivity(deps: ActivityDeps) {
  return async ({ importId }: { importId: string }): Promise<void> => {
    await deps.store.em.fork().transactional(async (tx) => {
      const record = await tx.findOneOrFail(OrderImportRecord, { id: importId });
      const now = deps.clock();
      record.state = 'done';
      record.updatedAt = now;
      await notifyUsername(tx, record.createdBy, { key: `import:${importId}:done`, ...importDoneNotice(importId, record.fileName, record) }, now);
    });
  };
}

export const createImportActivities = (deps: ActivityDeps) => ({ takeImportChunk: takeImportChunkActivity(deps), finishImport: finishImportActivity(deps) });
export type ImportActivities = ReturnType<typeof createImportActivities>;
