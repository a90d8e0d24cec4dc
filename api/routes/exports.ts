import type { Context } from 'hono';
import { auditExportQuery, decisionExportQuery, EXPORT_CONTENT_TYPES, orderExportQuery, type ExportFormat } from '../../domain/exports.ts';
import { auditExportPage, decisionExportPage, orderExportPage } from '../../store/export-pages.ts';
import type { ApiDeps } from '../api-deps.ts';
import type { AppEnv } from '../auth/principal.ts';
import { AUDIT_TABLE, DECISION_TABLE, ORDER_TABLE } from '../exports/export-tables.ts';
import { exportFormat, exportStream } from '../exports/export-stream.ts';
import { defineRoute, type ResponseSpec } from '../registry/route.ts';
import { STANDARD_ERRORS } from '../schemas.ts';

const streamed = (what: string): ResponseSpec => ({
  description: `${what}, streamed as CSV (RFC 4180, a header line first; a text cell starting with =, +, - or @ gets a leading apostrophe) or NDJSON (a JSON object a line), as \`format\` or else the Accept header asks; CSV by default. Read from the store a page at a time, however many there are.`,
  contentType: Object.values(EXPORT_CONTENT_TYPES),
});

function send(c: Context<AppEnv>, name: string, format: ExportFormat, body: ReadableStream<Uint8Array>): Response {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return c.body(body, 200, {
    'content-type': EXPORT_CONTENT_TYPES[format],
    'content-disposition': `attachment; filename="${name}-${stamp}.${format}"`,
    'cache-control': 'no-store',
  });
}

/** Orders, decisions and the audit log for other systems and spreadsheets, filtered by time and work area. */
export function exportRoutes(deps: ApiDeps) {
  const em = () => deps.store.em.fork();
  return [
    defineRoute({
      method: 'get',
      path: '/exports/orders',
      operationId: 'exportOrders',
      summary: 'Exporting orders',
      tag: 'Exports',
      access: 'orders.export',
      query: orderExportQuery,
      responses: { 200: streamed('The orders taken from `from` (inclusive) to `to` (exclusive), oldest first, in the work area, state and kind asked for, with their lines'), ...STANDARD_ERRORS },
      handler: (c, { query }) => {
        const format = exportFormat(query.format, c.req.header('Accept'));
        const pages = (last: { createdAt: string; id: string } | null, limit: number) => orderExportPage(em(), query, last && { at: new Date(last.createdAt), id: last.id }, limit);
        return send(c, 'orders', format, exportStream(pages, ORDER_TABLE, format));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/exports/decisions',
      operationId: 'exportDecisions',
      summary: 'Exporting decisions',
      tag: 'Exports',
      access: 'decisions.export',
      query: decisionExportQuery,
      responses: {
        200: streamed('The decisions made from `from` to `to`, oldest first, about orders of the work area, at the decision point: the ruleset version, the facts, the outcome and why each rule did or did not apply'),
        ...STANDARD_ERRORS,
      },
      handler: (c, { query }) => {
        const format = exportFormat(query.format, c.req.header('Accept'));
        const pages = (last: { decidedAt: string; id: string } | null, limit: number) => decisionExportPage(em(), query, last && { at: new Date(last.decidedAt), id: last.id }, limit);
        return send(c, 'decisions', format, exportStream(pages, DECISION_TABLE, format));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/exports/audit',
      operationId: 'exportAuditLog',
      summary: 'Exporting the audit log',
      tag: 'Exports',
      access: 'audit.export',
      query: auditExportQuery,
      responses: {
        200: streamed('The audit entries written from `from` to `to`, in the order written, about the work area and its orders (and their decisions), of the subject type and action'),
        ...STANDARD_ERRORS,
      },
      handler: (c, { query }) => {
        const format = exportFormat(query.format, c.req.header('Accept'));
        const pages = (last: { seq: number } | null, limit: number) => auditExportPage(em(), query, last && last.seq, limit);
        return send(c, 'audit', format, exportStream(pages, AUDIT_TABLE, format));
      },
    }),
  ];
}
