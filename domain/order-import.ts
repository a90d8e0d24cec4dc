import { z } from 'zod';
import { oneLine } from './text.ts';

/** The most data rows one file may carry: a larger file is refused with a 413 asking to split it. */
export const MAX_IMPORT_ROWS = 50_000;
/** The largest file taken: 50,000 rows of a dozen columns fit in a fraction of it. */
export const MAX_IMPORT_BYTES = 30 * 1024 * 1024;
/** The most columns read from a file; a wider one is refused. */
export const MAX_IMPORT_COLUMNS = 100;
/** The longest cell kept: far above any order field (the lines cell is the longest). */
export const MAX_CELL_CHARS = 10_000;
/** The rows of a file a caller sees after an upload, to check the mapping. */
export const SAMPLE_ROWS = 5;

/**
 * The order fields a column may fill. One row is one order: its lines are either one `lines` cell
 * (`SKU-1 x2; SKU-2 x1 @9.50`, a price after `@`, 0 without) or, for a one-line order, `sku`, `qty` and `price` columns.
 */
export const IMPORT_FIELDS = ['reference', 'account', 'kind', 'dueAt', 'zone', 'warehouse', 'workAreaId', 'paymentMode', 'carrierType', 'codAmount', 'statedPriority', 'pickupLat', 'pickupLng', 'dropoffLat', 'dropoffLng', 'lines', 'sku', 'qty', 'price'] as const;
export const importField = z.enum(IMPORT_FIELDS);
export type ImportField = z.infer<typeof importField>;

/** Which column (by its header) fills which order field; fields not named take the order's defaults. */
export const importMapping = z
  .partialRecord(importField, oneLine(200))
  .refine((m) => m.account !== undefined, { message: 'map a column to account', path: ['account'] })
  .refine((m) => m.dueAt !== undefined, { message: 'map a column to dueAt (the due time)', path: ['dueAt'] })
  .refine((m) => m.lines !== undefined || m.sku !== undefined, { message: 'map a column to lines, or one to sku for one-line orders', path: ['lines'] })
  .refine((m) => m.lines === undefined || (m.sku === undefined && m.qty === undefined && m.price === undefined), {
    message: 'map either a lines column or sku, qty and price columns, not both',
    path: ['lines'],
  });
export type ImportMapping = z.infer<typeof importMapping>;

export const IMPORT_STATES = ['uploaded', 'validated', 'running', 'done'] as const;
export const importState = z.enum(IMPORT_STATES);

/** What became of a row: checked by a dry run (valid, invalid, duplicate) or taken by the import (created, duplicate, rejected). */
export const ROW_OUTCOMES = ['pending', 'valid', 'invalid', 'duplicate', 'created', 'rejected'] as const;
export const rowOutcome = z.enum(ROW_OUTCOMES);
export type RowOutcome = z.infer<typeof rowOutcome>;

/** One problem of a row: the file's column it came from (null when no column maps the field) and what to fix. */
export const rowProblem = z.object({ column: z.string().nullable(), field: z.string(), message: z.string() });
export type RowProblem = z.infer<typeof rowProblem>;

export const importCounts = z.object({
  rows: z.number(),
  valid: z.number(),
  invalid: z.number(),
  duplicates: z.number(),
  created: z.number(),
  rejected: z.number(),
  /** Rows the import has taken so far (created, duplicate or rejected). */
  processed: z.number(),
});
export type ImportCounts = z.infer<typeof importCounts>;

export const importSummary = z.object({
  id: z.string(),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  state: importState,
  headers: z.array(z.string()),
  mapping: z.partialRecord(importField, z.string()).nullable(),
  /** Suggested from the headers' names, for a person to check. */
  suggestedMapping: z.partialRecord(importField, z.string()),
  counts: importCounts,
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ImportSummary = z.infer<typeof importSummary>;

export const importRow = z.object({
  row: z.number(),
  cells: z.array(z.string()),
  outcome: rowOutcome,
  problems: z.array(rowProblem),
  orderId: z.string().nullable(),
});
export type ImportRow = z.infer<typeof importRow>;

export const importTemplateInput = z.strictObject({ name: oneLine(100, 'name the template'), mapping: importMapping });
export const importTemplate = z.object({ id: z.string(), name: z.string(), mapping: z.partialRecord(importField, z.string()), createdBy: z.string(), createdAt: z.string() });
export type ImportTemplate = z.infer<typeof importTemplate>;

/** What an upload answers: the import, and its first rows to check the mapping against. */
export const importUploaded = importSummary.extend({ sample: z.array(z.array(z.string())) });

export const importRowsQuery = z.object({
  /** One outcome, or several separated by commas; every row without. */
  outcome: z
    .string()
    .max(100)
    .optional()
    .refine((v) => v === undefined || v.split(',').every((o) => (ROW_OUTCOMES as readonly string[]).includes(o)), { message: `outcomes are ${ROW_OUTCOMES.join(', ')}` }),
  /** The page after this row number (the `next` of the page before). */
  after: z.coerce.number().int().min(0).max(MAX_IMPORT_ROWS).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const importRowsPage = z.object({ rows: z.array(importRow), next: z.number().nullable() });

/** What the person who ran an import reads when its last row is taken: the counts and a link back to it. */
export function importDoneNotice(importId: string, fileName: string, counts: { created: number; rejected: number; duplicates: number }) {
  const n = (x: number) => x.toLocaleString('en');
  return {
    kind: 'import_done' as const,
    title: `Import of ${fileName.length > 120 ? `${fileName.slice(0, 119)}…` : fileName} done`,
    text: `${n(counts.created)} orders created, ${n(counts.rejected)} rows rejected, ${n(counts.duplicates)} duplicates.`,
    link: `/?view=import&import=${encodeURIComponent(importId)}`,
  };
}
