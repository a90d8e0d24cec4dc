import { z } from 'zod';
import { DECISION_POINTS } from './decision-points.ts';
import { orderKind, orderState } from './order.ts';
import { ID_MAX, oneLine } from './text.ts';
import { instantInput } from './instant-input.ts';

export const EXPORT_FORMATS = ['csv', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = { csv: 'text/csv; charset=utf-8', ndjson: 'application/x-ndjson' };

const instant = instantInput();

/** What every export takes: its format, a time range (from inclusive, to exclusive) and a work area. */
const exportQuery = z.object({
  /** Without it, the Accept header chooses (`text/csv` or `application/x-ndjson`); CSV by default. */
  format: z.enum(EXPORT_FORMATS).optional(),
  from: instant.optional(),
  to: instant.optional(),
  workAreaId: oneLine(ID_MAX).optional(),
});

const rangeInOrder = <T extends { from?: string | undefined; to?: string | undefined }>(q: T) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to);
const RANGE_MESSAGE = { path: ['to'], message: 'to comes before from' };

/** Orders taken in the range (by the time they were taken), in the area, of a state and kind. */
export const orderExportQuery = exportQuery.extend({ state: orderState.optional(), kind: orderKind.optional() }).refine(rangeInOrder, RANGE_MESSAGE);
export type OrderExportQuery = z.infer<typeof orderExportQuery>;

/** Decisions made in the range about orders of the area, at a decision point. */
export const decisionExportQuery = exportQuery.extend({ decisionPoint: z.enum(DECISION_POINTS).optional() }).refine(rangeInOrder, RANGE_MESSAGE);
export type DecisionExportQuery = z.infer<typeof decisionExportQuery>;

export const AUDIT_SUBJECT_TYPES = ['order', 'decision', 'user', 'token', 'ruleset', 'work_area'] as const;

/** Audit entries written in the range: about the area and its orders, of a subject type, of an action. */
export const auditExportQuery = exportQuery
  .extend({ subjectType: z.enum(AUDIT_SUBJECT_TYPES).optional(), action: oneLine(100).optional() })
  .refine(rangeInOrder, RANGE_MESSAGE);
export type AuditExportQuery = z.infer<typeof auditExportQuery>;
