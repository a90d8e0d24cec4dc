import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { DocumentKind } from '../../domain/document.ts';

/**
 * An issued document: its PDF as printed, never changed (no code path updates a row; a correction is a
 * credit note, a row of its own). `issueKey` names what was asked for, once: a retried issue finds the row.
 */
export const DocumentRecord = defineEntity({
  name: 'DocumentRecord',
  tableName: 'documents',
  uniques: [{ properties: ['issueKey'] }, { properties: ['series', 'seriesNumber'] }],
  // (kind, issuedAt): a day's invoices, for its reconciliation.
  indexes: [{ properties: ['orderId', 'issuedAt'] }, { properties: ['kind', 'issuedAt'] }],
  properties: {
    id: p.string().primary(),
    orderId: p.string(),
    kind: p.string().$type<DocumentKind>(),
    /** `<order>:<kind>`, or `<invoice>:credit_note`. */
    issueKey: p.string(),
    /** The numbered kinds' series (document_series) and number within it; null for shipping papers. */
    series: p.string().nullable(),
    seriesNumber: p.integer().nullable(),
    number: p.string().nullable(),
    correctsId: p.string().nullable(),
    reason: p.text().nullable(),
    /** The lines as printed and their total (a credit note's is negative): what a correction or a reconciliation reads. */
    lines: p.json<{ sku: string; qty: number; price: number }[]>(),
    total: p.float(),
    templateVersion: p.integer(),
    sha256: p.string(),
    size: p.integer(),
    pdf: p.blob().lazy(),
    issuedAt: p.datetime(),
    issuedBy: p.string(),
  },
});
export type DocumentRecord = InferEntity<typeof DocumentRecord>;

/** The next number of each series: a document takes it in the transaction that stores it. */
export const DocumentSeriesRecord = defineEntity({
  name: 'DocumentSeriesRecord',
  tableName: 'document_series',
  properties: {
    /** `INV-2026`, `CN-2026`. */
    id: p.string().primary(),
    lastNumber: p.integer(),
  },
});
export type DocumentSeriesRecord = InferEntity<typeof DocumentSeriesRecord>;

/**
 * An order's tracking token: random (128 bits, base64url), never derived from the order, made the first
 * time something prints the order's tracking link. The customer's page reads the order by it.
 */
export const OrderTrackingRecord = defineEntity({
  name: 'OrderTrackingRecord',
  tableName: 'order_tracking',
  uniques: [{ properties: ['token'] }],
  properties: {
    orderId: p.string().primary(),
    token: p.string(),
    createdAt: p.datetime(),
  },
});
export type OrderTrackingRecord = InferEntity<typeof OrderTrackingRecord>;
