import { z } from 'zod';
import { importMapping, importRowsPage, importRowsQuery, importSummary, importUploaded, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, type RowOutcome } from '../../domain/order-import.ts';
import { oneLine } from '../../domain/text.ts';
import { OrderImportRecord } from '../../store/order-import.entity.ts';
import { pageImportRows, type StoredRow } from '../../store/order-imports.ts';
import type { ApiDeps } from '../api-deps.ts';
import { actorOf } from '../auth/principal.ts';
import { UserError } from '../errors.ts';
import { exportStream } from '../exports/export-stream.ts';
import { idempotencyScopeOf } from '../order-intake.ts';
import { defineRoute } from '../registry/route.ts';
import { errorBody, idParams, STANDARD_ERRORS } from '../schemas.ts';
import { createImport, findImport, runImport, sampleOf, setMapping, summaryOf, validateImport } from './order-imports.ts';
import { readUpload } from './read-upload.ts';

export const IMPORTS_PATH = '/imports';

const NOT_FOUND = { 404: { description: 'No such import.', schema: errorBody } };
const STARTED = { 409: { description: 'The import is running or done (or, to run it, not yet dry-run).', schema: errorBody } };
const rowOf = (r: StoredRow) => ({ row: r.row, cells: r.cells, outcome: r.outcome, problems: r.problems ?? [], orderId: r.orderId });
const PROBLEM_OUTCOMES: RowOutcome[] = ['invalid', 'duplicate', 'rejected'];

/** The file of a request: the body itself, or the `file` field of a multipart form. */
async function fileOf(req: Request, named: string | undefined): Promise<{ body: ReadableStream<Uint8Array> | null; name: string }> {
  if (!/^multipart\/form-data/i.test(req.headers.get('content-type') ?? '')) return { body: req.body, name: named ?? 'upload' };
  const form = await req.formData().catch(() => {
    throw new UserError(400, 'invalid_file', 'The form could not be read: send the file as the "file" field of a multipart/form-data form, or as the body itself.');
  });
  const file = form.get('file');
  if (typeof file === 'string' || file === null) throw new UserError(400, 'invalid_file', 'The form has no "file" field with a file in it.');
  return { body: file.stream(), name: named ?? (file.name || 'upload') };
}

export function importRoutes(deps: ApiDeps) {
  return [
    defineRoute({
      method: 'post',
      path: IMPORTS_PATH,
      operationId: 'uploadImport',
      summary: 'Uploading a file of orders',
      tag: 'Imports',
      access: 'orders.create',
      query: z.object({ name: oneLine(200).optional() }),
      responses: {
        201: {
          description: `A CSV (UTF-8, comma, semicolon or tab separated) or XLSX file (its first sheet with rows), as the body or as the \`file\` field of a multipart form; a header row, then one order a row, at most ${MAX_IMPORT_ROWS.toLocaleString('en')} rows and ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Kept, with a mapping of its columns suggested from their names; answers the header and the first rows. Nothing is taken yet.`,
          schema: importUploaded,
        },
        413: { description: 'More rows or bytes than an import takes: split the file.', schema: errorBody },
        ...STANDARD_ERRORS,
      },
      handler: async (c, { query, principal }) => {
        const { body, name } = await fileOf(c.req.raw, query.name);
        const table = await readUpload(body);
        const record = await createImport(deps, table, name, { actor: actorOf(principal), scope: idempotencyScopeOf(principal) });
        c.header('Location', `${IMPORTS_PATH}/${record.id}`);
        return c.json({ ...summaryOf(record), sample: sampleOf(table) }, 201);
      },
    }),
    defineRoute({
      method: 'get',
      path: IMPORTS_PATH,
      operationId: 'listImports',
      summary: 'Recent imports',
      tag: 'Imports',
      access: 'orders.create',
      responses: { 200: { description: 'The 50 latest imports, newest first, with their counts.', schema: z.object({ imports: z.array(importSummary) }) }, ...STANDARD_ERRORS },
      handler: async (c) => {
        const records = await deps.store.em.fork().find(OrderImportRecord, {}, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: 50 });
        return c.json({ imports: records.map(summaryOf) });
      },
    }),
    defineRoute({
      method: 'get',
      path: `${IMPORTS_PATH}/:id`,
      operationId: 'getImport',
      summary: 'An import and its progress',
      tag: 'Imports',
      access: 'orders.create',
      params: idParams,
      responses: { 200: { description: 'Its state, mapping and counts: of the dry run (valid, invalid, duplicates) and, while it runs, of the rows taken so far.', schema: importSummary }, ...NOT_FOUND, ...STANDARD_ERRORS },
      handler: async (c, { params }) => c.json(summaryOf(await findImport(deps.store.em.fork(), params.id))),
    }),
    defineRoute({
      method: 'put',
      path: `${IMPORTS_PATH}/:id/mapping`,
      operationId: 'mapImport',
      summary: "Mapping an import's columns",
      tag: 'Imports',
      access: 'orders.create',
      params: idParams,
      body: importMapping,
      responses: { 200: { description: 'The mapping is set (by header name); the dry run is to be made again.', schema: importSummary }, ...NOT_FOUND, ...STARTED, ...STANDARD_ERRORS },
      handler: async (c, { params, body }) => c.json(summaryOf(await setMapping(deps, params.id, body))),
    }),
    defineRoute({
      method: 'post',
      path: `${IMPORTS_PATH}/:id/validate`,
      operationId: 'validateImport',
      summary: 'Dry run of an import',
      tag: 'Imports',
      access: 'orders.create',
      params: idParams,
      responses: {
        200: {
          description: 'Every row checked as POST /orders checks an order, and against stored orders (a reference already taken, a row this import took before): the counts; the rows and their problems are read with GET /imports/{id}/rows. Nothing is taken.',
          schema: importSummary,
        },
        ...NOT_FOUND,
        ...STARTED,
        ...STANDARD_ERRORS,
      },
      handler: async (c, { params }) => c.json(summaryOf(await validateImport(deps, params.id))),
    }),
    defineRoute({
      method: 'post',
      path: `${IMPORTS_PATH}/:id/run`,
      operationId: 'runImport',
      summary: 'Importing the good rows',
      tag: 'Imports',
      access: 'orders.create',
      params: idParams,
      responses: {
        202: {
          description: "Started in the background: each row is taken as POST /orders takes an order, under an idempotency key of the import and row (a retry never takes a row twice). Follow the counts with GET /imports/{id}; each row's result is read with GET /imports/{id}/rows.",
          schema: importSummary,
        },
        ...NOT_FOUND,
        ...STARTED,
        503: { description: 'Temporal cannot be reached: nothing started.', schema: errorBody },
        ...STANDARD_ERRORS,
      },
      handler: async (c, { params }) => c.json(summaryOf(await runImport(deps, params.id)), 202),
    }),
    defineRoute({
      method: 'get',
      path: `${IMPORTS_PATH}/:id/rows`,
      operationId: 'listImportRows',
      summary: "An import's rows and what became of them",
      tag: 'Imports',
      access: 'orders.create',
      params: idParams,
      query: importRowsQuery,
      responses: {
        200: { description: 'A page of rows in file order, of the outcomes asked for: their cells, outcome, problems (by column) and the order taken; `next` continues after the last.', schema: importRowsPage },
        ...NOT_FOUND,
        ...STANDARD_ERRORS,
      },
      handler: async (c, { params, query }) => {
        const em = deps.store.em.fork();
        await findImport(em, params.id);
        const outcomes = query.outcome === undefined ? null : (query.outcome.split(',') as RowOutcome[]);
        const rows = await pageImportRows(em, params.id, outcomes, query.after, query.limit);
        return c.json({ rows: rows.map(rowOf), next: rows.length === query.limit ? rows.at(-1)!.row : null });
      },
    }),
    defineRoute({
      method: 'get',
      path: `${IMPORTS_PATH}/:id/problems.csv`,
      operationId: 'downloadImportProblems',
      summary: "An import's rows with problems, as CSV",
      tag: 'Imports',
      access: 'orders.create',
      params: idParams,
      responses: {
        200: { description: 'The invalid, duplicate and rejected rows: row number, outcome and problems, then the row\'s own cells under the file\'s headers, to fix and upload again.', contentType: 'text/csv' },
        ...NOT_FOUND,
        ...STANDARD_ERRORS,
      },
      handler: async (c, { params }) => {
        const em = deps.store.em.fork();
        const record = await findImport(em, params.id);
        const columns: [string, (r: StoredRow) => unknown][] = [
          ['row', (r) => r.row],
          ['outcome', (r) => r.outcome],
          ['problems', (r) => (r.problems ?? []).map((p) => (p.column ? `${p.column}: ${p.message}` : p.message)).join('; ')],
          ...record.headers.map((h, i): [string, (r: StoredRow) => unknown] => [h, (r) => r.cells[i] ?? '']),
        ];
        const read = (last: StoredRow | null, limit: number) => pageImportRows(deps.store.em.fork(), params.id, PROBLEM_OUTCOMES, last?.row ?? 0, limit);
        c.header('Content-Type', 'text/csv; charset=utf-8');
        c.header('Content-Disposition', `attachment; filename="import-${record.id}-problems.csv"`);
        return c.body(exportStream(read, { columns }, 'csv'));
      },
    }),
  ];
}
