import type { DocumentSummary, OrderDocumentKind } from '../../../domain/document.ts';
import { request } from './request.ts';

export async function listOrderDocuments(orderId: string, signal?: AbortSignal): Promise<DocumentSummary[]> {
  return (await request<{ documents: DocumentSummary[] }>(`/orders/${encodeURIComponent(orderId)}/documents`, { signal })).documents;
}

/** The issued document, or a message when it is still being issued (answered 202). */
export function issueOrderDocument(orderId: string, kind: OrderDocumentKind): Promise<DocumentSummary | { message: string }> {
  return request<DocumentSummary | { message: string }>(`/orders/${encodeURIComponent(orderId)}/documents`, { method: 'POST', body: { kind } });
}

export const documentPdfUrl = (id: string): string => `/documents/${encodeURIComponent(id)}/pdf`;

/** A credit note for the invoice (finance), or a message when it is still being issued (answered 202). */
export function creditInvoice(invoiceId: string, reason: string): Promise<DocumentSummary | { message: string }> {
  return request<DocumentSummary | { message: string }>(`/documents/${encodeURIComponent(invoiceId)}/credit-notes`, { method: 'POST', body: { reason } });
}
