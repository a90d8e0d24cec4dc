import { z } from 'zod';
import { DOCUMENT_KIND_LABELS, orderDocumentKind, type OrderDocumentKind } from './document.ts';
import type { OrderState } from './lifecycle.ts';
import { can, describeRolesFor, type Role } from './roles.ts';

/**
 * The most orders one print job takes: a ream (500 sheets) is what a printer's tray and a person's arms take
 * in one go. The job merges its PDFs in the worker's memory and keeps the result as one row: 500 labels or
 * one-page invoices are some 20 MB, well inside both.
 */
export const BULK_PRINT_MAX_ORDERS = 500;
/** A merged PDF larger than this (invoices of thousands of lines) is not kept: the job says so, and a smaller selection prints. */
export const BULK_PRINT_MAX_BYTES = 64 * 1024 * 1024;

/** A bulk job that prints one kind of document for each order, as one merged PDF. */
export const printDocumentsRequest = z.strictObject({
  action: z.literal('print_documents'),
  kind: orderDocumentKind,
});
export type PrintDocumentsRequest = z.infer<typeof printDocumentsRequest>;

/** A print job's merged PDF: the documents in the selection's order, or why there is none. */
export const bulkPrint = z.object({
  kind: orderDocumentKind,
  /** Documents merged (the orders printed) and the pages they make. */
  documents: z.number().int(),
  pages: z.number().int(),
  /** SHA-256 of the merged bytes, hex; null when nothing was kept. */
  sha256: z.string().nullable(),
  size: z.number().int(),
  /** Why there is no PDF (nothing printed, or too large to keep). */
  problem: z.string().nullable(),
  createdAt: z.string(),
});
export type BulkPrint = z.infer<typeof bulkPrint>;

export type PrintJudgement = { ok: true } | { ok: false; kind: 'not_found' | 'role' | 'lifecycle'; reason: string };

/** Orders whose papers would describe something that never happens: nothing is sold, picked or shipped. */
const NOTHING_TO_PRINT: ReadonlySet<OrderState> = new Set(['cancelled', 'rejected']);

/** Why an order in this state gets no new document of `kind` (a stored one still reprints); null when it does. */
export function notIssuableReason(state: OrderState, kind: OrderDocumentKind): string | null {
  return NOTHING_TO_PRINT.has(state) ? `No ${DOCUMENT_KIND_LABELS[kind].toLowerCase()} for a ${state} order: it is neither sold nor shipped.` : null;
}

/**
 * Whether the order's document of `kind` can be printed, and why not: a stored one always reprints; a new one
 * needs a person who may issue documents and an order that still goes ahead (no invoice for a cancelled order).
 */
export function judgePrint(order: { state: OrderState } | null, kind: OrderDocumentKind, issued: boolean, roles: readonly Role[]): PrintJudgement {
  if (order === null) return { ok: false, kind: 'not_found', reason: 'The order does not exist.' };
  if (!can(roles, 'documents.issue')) return { ok: false, kind: 'role', reason: `Printing documents needs ${describeRolesFor('documents.issue')}.` };
  if (issued) return { ok: true };
  const reason = notIssuableReason(order.state, kind);
  return reason ? { ok: false, kind: 'lifecycle', reason } : { ok: true };
}

export const isPrintRequest = (request: { action: string }): request is PrintDocumentsRequest => request.action === 'print_documents';
