import { z } from 'zod';
import { notIssuableReason } from '../../domain/bulk-print.ts';
import { creditNoteInput, DOCUMENT_KIND_LABELS, documentSummary, issueDocumentInput } from '../../domain/document.ts';
import { DocumentRecord } from '../../store/documents/document.entity.ts';
import { documentPdf, listOrderDocuments } from '../../store/documents/documents.ts';
import { issueKeyOf } from '../../store/documents/issue-documents.ts';
import { OrderRecord } from '../../store/order.entity.ts';
import type { ApiDeps } from '../api-deps.ts';
import type { Principal } from '../auth/principal.ts';
import { notFound, UserError } from '../errors.ts';
import { defineRoute } from '../registry/route.ts';
import { errorBody, idParams, STANDARD_ERRORS } from '../schemas.ts';
import { refuseOnSignedOffDay } from '../reconciliation/signed-off-day.ts';
import { documentName, invoiceCredits } from '../../store/documents/invoice-credits.ts';
import { requestDocument, type IssueOutcome } from './issue-document-request.ts';

const actorOf = (principal: Principal): string => (principal.kind === 'user' ? `user:${principal.userId}` : principal.kind === 'token' ? `token:${principal.tokenId}` : 'anonymous');

const issued = {
  200: { description: 'Issued before: the stored document, unchanged.', schema: documentSummary },
  201: { description: 'Issued now.', schema: documentSummary },
  202: { description: 'Still being issued (the worker is busy or down): list the order\'s documents in a moment.', schema: z.object({ message: z.string() }) },
  409: { description: 'It cannot be issued (the message says why).', schema: errorBody },
};

function answer(c: Parameters<Parameters<typeof defineRoute>[0]['handler']>[0], outcome: IssueOutcome) {
  if (outcome.status === 'issuing') return c.json({ message: 'The document is being issued; it appears in the order\'s documents when done.' }, 202);
  return c.json(outcome.document, outcome.status === 'issued' ? 201 : 200);
}

export function documentRoutes(deps: ApiDeps) {
  const em = () => deps.store.em.fork();
  return [
    defineRoute({
      method: 'get',
      path: '/orders/:id/documents',
      operationId: 'listOrderDocuments',
      summary: 'An order\'s documents',
      tag: 'Documents',
      access: 'documents.read',
      params: idParams,
      responses: { 200: { description: 'Every document issued for the order, oldest first.', schema: z.object({ documents: z.array(documentSummary) }) }, 404: { description: 'No such order.', schema: errorBody }, ...STANDARD_ERRORS },
      handler: async (c, { params }) => {
        if (!(await em().count(OrderRecord, { id: params.id }))) throw notFound(`Order ${params.id}`);
        return c.json({ documents: await listOrderDocuments(em(), params.id) });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/orders/:id/documents',
      operationId: 'issueOrderDocument',
      summary: 'Issuing an order\'s invoice, packing slip, pick list or shipping label',
      tag: 'Documents',
      access: 'documents.issue',
      params: idParams,
      body: issueDocumentInput,
      responses: { ...issued, 404: { description: 'No such order.', schema: errorBody }, ...STANDARD_ERRORS },
      handler: async (c, { params, body, principal }) => {
        const order = await em().findOne(OrderRecord, { id: params.id }, { fields: ['id', 'state'] });
        if (!order) throw notFound(`Order ${params.id}`);
        const issueKey = issueKeyOf(params.id, body.kind);
        // Said here, before a workflow starts, in the words the activity would fail with; a stored one still answers.
        const refusal = notIssuableReason(order.state, body.kind);
        if (refusal && !(await em().count(DocumentRecord, { issueKey }))) throw new UserError(409, 'conflict', refusal);
        if (body.kind === 'invoice') await refuseOnSignedOffDay(em(), params.id);
        return answer(c, await requestDocument(deps, issueKey, { kind: body.kind, orderId: params.id, issuedBy: actorOf(principal) }));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/documents/:id/credit-notes',
      operationId: 'creditInvoice',
      summary: 'Crediting an invoice (the invoice itself never changes)',
      tag: 'Documents',
      access: 'documents.credit',
      params: idParams,
      body: creditNoteInput,
      responses: { ...issued, 404: { description: 'No such invoice.', schema: errorBody }, ...STANDARD_ERRORS },
      handler: async (c, { params, body, principal }) => {
        const invoice = await em().findOne(DocumentRecord, { id: params.id });
        if (!invoice) throw notFound(`Document ${params.id}`);
        if (invoice.kind !== 'invoice') throw new UserError(409, 'conflict', `Document ${params.id} is a ${DOCUMENT_KIND_LABELS[invoice.kind].toLowerCase()}: only an invoice is credited.`);
        await refuseOnSignedOffDay(em(), invoice.orderId);
        const { parts } = await invoiceCredits(em(), invoice.id);
        if (parts.length > 0) {
          throw new UserError(409, 'conflict', `Invoice ${documentName(invoice)} is already credited in part for returned goods (${parts.map(documentName).join(', ')}): crediting it in full would credit those goods twice. Credit the rest through a return.`);
        }
        return answer(c, await requestDocument(deps, issueKeyOf(invoice.id, 'credit_note'), { kind: 'credit_note', invoiceId: invoice.id, reason: body.reason, issuedBy: actorOf(principal) }));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/documents/:id/pdf',
      operationId: 'downloadDocument',
      summary: 'A document\'s PDF, exactly as issued (a reprint)',
      tag: 'Documents',
      access: 'documents.read',
      params: idParams,
      responses: { 200: { description: 'The stored PDF; its SHA-256 is in the ETag.', contentType: 'application/pdf' }, 404: { description: 'No such document.', schema: errorBody }, ...STANDARD_ERRORS },
      handler: async (c, { params }) => {
        const stored = await documentPdf(em(), params.id);
        if (!stored) throw notFound(`Document ${params.id}`);
        const name = `${stored.summary.number ?? `${stored.summary.kind}-${stored.summary.orderId}`}.pdf`.replace(/[^\w.-]/g, '_');
        return c.body(new Uint8Array(stored.pdf), 200, {
          'content-type': 'application/pdf',
          'content-disposition': `inline; filename="${name}"`,
          etag: `"${stored.summary.sha256}"`,
          'cache-control': 'private, max-age=31536000, immutable',
        });
      },
    }),
  ];
}
