import { ApplicationFailure } from '@temporalio/activity';
import type { PrintDocumentsRequest } from '../../domain/bulk-print.ts';
import { judgePrint } from '../../domain/bulk-print.ts';
import type { Role } from '../../domain/roles.ts';
import { DocumentRecord } from '../../store/documents/document.entity.ts';
import { issueKeyOf } from '../../store/documents/issue-documents.ts';
import { OrderRecord } from '../../store/order.entity.ts';
import type { ActivityDeps } from '../activity-deps.ts';
import { issueOrderDocument } from '../documents/issue-document.ts';
import type { ItemResult } from './act-on-item.ts';

export interface PrintJob {
  id: string;
  request: PrintDocumentsRequest;
  actor: { name: string; roles: Role[] };
}

/**
 * Makes sure one order of a print job has its document: the stored one, or one issued now through the path
 * every document takes (`issueOrderDocument`), which stores it once under the order and kind, so a retried job
 * issues nothing twice and takes no second invoice number. The merge reads the stored bytes afterwards.
 */
export async function printItem(deps: ActivityDeps, publicUrl: string, job: PrintJob, orderId: string): Promise<ItemResult> {
  const em = deps.store.em.fork();
  const order = await em.findOne(OrderRecord, { id: orderId }, { fields: ['id', 'state'] });
  const issued = (await em.count(DocumentRecord, { issueKey: issueKeyOf(orderId, job.request.kind) })) > 0;
  const judgement = judgePrint(order, job.request.kind, issued, job.actor.roles);
  if (!judgement.ok) return { outcome: 'refused', reason: judgement.reason };
  if (issued) return { outcome: 'done', reason: null };
  try {
    await issueOrderDocument(deps, publicUrl, { kind: job.request.kind, orderId, issuedBy: job.actor.name });
    return { outcome: 'done', reason: null };
  } catch (err) {
    // What a retry cannot mend (the order went, or moved to a state that gets no papers) is the order's result; the rest is retried.
    if (err instanceof ApplicationFailure && err.nonRetryable) return { outcome: 'refused', reason: err.message };
    throw err;
  }
}
