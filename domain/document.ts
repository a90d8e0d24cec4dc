import { z } from 'zod';
import { paragraph } from './text.ts';

/** What Sluice prints for an order. A credit note is issued for an invoice, not for an order's kind of paper. */
export const DOCUMENT_KINDS = ['invoice', 'credit_note', 'packing_slip', 'pick_list', 'shipping_label'] as const;
export const documentKind = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof documentKind>;

/** The kinds an order has one of each, issued for the order itself. */
export const ORDER_DOCUMENT_KINDS = ['invoice', 'packing_slip', 'pick_list', 'shipping_label'] as const satisfies readonly DocumentKind[];
export const orderDocumentKind = z.enum(ORDER_DOCUMENT_KINDS);
export type OrderDocumentKind = z.infer<typeof orderDocumentKind>;

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  invoice: 'Invoice',
  credit_note: 'Credit note',
  packing_slip: 'Packing slip',
  pick_list: 'Pick list',
  shipping_label: 'Shipping label',
};

/** A stored PDF's largest size: an invoice of 10,000 lines is some 600 kB; the bound keeps a row from swallowing the store. */
export const DOCUMENT_MAX_BYTES = 8 * 1024 * 1024;
export const CREDIT_REASON_MAX = 500;

/** A document as listed: everything but its bytes (`GET /documents/:id/pdf` serves them). */
export const documentSummary = z.object({
  id: z.string(),
  orderId: z.string(),
  kind: documentKind,
  /** `INV-2026-000042`: invoices and credit notes only, gapless within their series. */
  number: z.string().nullable(),
  /** The invoice a credit note corrects. */
  correctsId: z.string().nullable(),
  reason: z.string().nullable(),
  templateVersion: z.number().int(),
  /** SHA-256 of the stored bytes, hex. */
  sha256: z.string(),
  size: z.number().int(),
  issuedAt: z.string(),
  issuedBy: z.string(),
});
export type DocumentSummary = z.infer<typeof documentSummary>;

export const issueDocumentInput = z.strictObject({ kind: orderDocumentKind });
export const creditNoteInput = z.strictObject({ reason: paragraph(CREDIT_REASON_MAX, 'say why the invoice is credited') });
