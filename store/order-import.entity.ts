import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { ImportMapping, RowOutcome, RowProblem } from '../domain/order-import.ts';

/** A file of orders being imported: its header, the mapping chosen, and the counts of its dry run and its import. */
export const OrderImportRecord = defineEntity({
  name: 'OrderImportRecord',
  tableName: 'order_imports',
  properties: {
    id: p.string().primary(),
    fileName: p.string(),
    format: p.string().$type<'csv' | 'xlsx'>(),
    state: p.string().$type<'uploaded' | 'validated' | 'running' | 'done'>(),
    headers: p.json<string[]>(),
    mapping: p.json<ImportMapping>().nullable(),
    rows: p.integer(),
    valid: p.integer().default(0),
    invalid: p.integer().default(0),
    duplicates: p.integer().default(0),
    created: p.integer().default(0),
    rejected: p.integer().default(0),
    processed: p.integer().default(0),
    /** Who uploaded it (a user or token id), and the idempotency scope its orders are taken under: theirs. */
    createdBy: p.string(),
    scope: p.string(),
    createdAt: p.datetime().index(),
    updatedAt: p.datetime(),
  },
});
export type OrderImportRecord = InferEntity<typeof OrderImportRecord>;

/** One data row of an import (numbered from 1 below the header, as a spreadsheet's row 2 is row 1 here), its cells and what became of it. */
export const OrderImportRowRecord = defineEntity({
  name: 'OrderImportRowRecord',
  tableName: 'order_import_rows',
  properties: {
    importId: p.string().primary(),
    row: p.integer().primary(),
    cells: p.json<string[]>(),
    outcome: p.string().$type<RowOutcome>().default('pending'),
    problems: p.json<RowProblem[]>().nullable(),
    orderId: p.string().nullable(),
  },
  // The report pages an import's rows by outcome.
  indexes: [{ properties: ['importId', 'outcome', 'row'] }],
});
export type OrderImportRowRecord = InferEntity<typeof OrderImportRowRecord>;

/** A named column mapping, shared by everyone who imports: the same supplier's file is mapped once. */
export const ImportTemplateRecord = defineEntity({
  name: 'ImportTemplateRecord',
  tableName: 'import_templates',
  properties: {
    id: p.string().primary(),
    name: p.string().unique(),
    mapping: p.json<ImportMapping>(),
    createdBy: p.string(),
    createdAt: p.datetime(),
  },
});
export type ImportTemplateRecord = InferEntity<typeof ImportTemplateRecord>;
