import type { BulkJob } from '../../../domain/bulk-job.ts';
import { isPrintRequest } from '../../../domain/bulk-print.ts';
import { DOCUMENT_KIND_LABELS } from '../../../domain/document.ts';
import type { OrderActionName } from '../../../domain/order.ts';
import { humanize } from '../format/labels.ts';
import { ACTION_LABELS } from '../orders/action-labels.ts';

/** What a job does, in a person's words: "Place hold", "Print packing slips". */
export function jobActionLabel(job: Pick<BulkJob, 'action' | 'request'>): string {
  const request = job.request as { action: string; kind?: string };
  if (isPrintRequest(request) && request.kind in DOCUMENT_KIND_LABELS) return `Print ${DOCUMENT_KIND_LABELS[request.kind].toLowerCase()}s`;
  return ACTION_LABELS[job.action as OrderActionName] ?? humanize(job.action);
}
