import { summarizeOutcome } from '../../rules/outcome-summary.ts';
import type { AuditExportRow, DecisionExportRow, OrderExportRow } from '../../store/export-pages.ts';
import type { ExportTable } from './export-stream.ts';

/** An order as a row: its lines, holds, escalation and routing as JSON text in CSV. */
export const ORDER_TABLE: ExportTable<OrderExportRow> = {
  columns: [
    ['id', (o) => o.id],
    ['reference', (o) => o.reference],
    ['account', (o) => o.account],
    ['kind', (o) => o.kind],
    ['statedPriority', (o) => o.statedPriority],
    ['priorityScore', (o) => o.priorityScore],
    ['state', (o) => o.state],
    ['lastMileStatus', (o) => o.lastMileStatus],
    ['workAreaId', (o) => o.workAreaId],
    ['zone', (o) => o.zone],
    ['warehouse', (o) => o.warehouse],
    ['paymentMode', (o) => o.paymentMode],
    ['carrierType', (o) => o.carrierType],
    ['codAmount', (o) => o.codAmount],
    ['assignee', (o) => o.assignee],
    ['parentId', (o) => o.parentId],
    ['units', (o) => o.units],
    ['orderValue', (o) => o.orderValue],
    ['lineCount', (o) => o.lineCount],
    ['dueAt', (o) => o.dueAt],
    ['createdAt', (o) => o.createdAt],
    ['updatedAt', (o) => o.updatedAt],
    ['holds', (o) => o.holds],
    ['escalation', (o) => o.escalation],
    ['routing', (o) => o.routing],
    ['lines', (o) => o.lines],
  ],
};

/** Why each rule did or did not apply, a sentence a line. */
const explanationOf = (d: DecisionExportRow) => d.rules.map((r) => `${r.name}: ${r.sentence}`).join('\n');

/** A decision with its explanation: the outcome in a few words and a sentence per rule; in NDJSON also every condition's result. */
export const DECISION_TABLE: ExportTable<DecisionExportRow> = {
  columns: [
    ['id', (d) => d.id],
    ['orderId', (d) => d.orderId],
    ['workAreaId', (d) => d.workAreaId],
    ['decisionPoint', (d) => d.decisionPoint],
    ['rulesetId', (d) => d.rulesetId],
    ['rulesetName', (d) => d.rulesetName],
    ['rulesetVersion', (d) => d.rulesetVersion],
    ['decidedAt', (d) => d.decidedAt],
    ['outcome', (d) => summarizeOutcome(d.outcome)],
    ['score', (d) => d.outcome.score],
    ['explanation', explanationOf],
    ['facts', (d) => d.facts],
  ],
  json: (d) => ({ ...d, summary: summarizeOutcome(d.outcome) }),
};

export const AUDIT_TABLE: ExportTable<AuditExportRow> = {
  columns: [
    ['seq', (e) => e.seq],
    ['at', (e) => e.at],
    ['subjectType', (e) => e.subjectType],
    ['subjectId', (e) => e.subjectId],
    ['action', (e) => e.action],
    ['fromState', (e) => e.fromState],
    ['toState', (e) => e.toState],
    ['actor', (e) => e.actor],
    ['reason', (e) => e.reason],
    ['data', (e) => e.data],
  ],
};
