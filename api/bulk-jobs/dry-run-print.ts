import type { EntityManager } from '@mikro-orm/sql';
import type { DryRunResult } from '../../domain/bulk-job.ts';
import { judgePrint, type PrintDocumentsRequest } from '../../domain/bulk-print.ts';
import { DocumentRecord } from '../../store/documents/document.entity.ts';
import { issueKeyOf } from '../../store/documents/issue-documents.ts';
import { OrderRecord } from '../../store/order.entity.ts';
import type { Actor } from '../../workflows/machines/action-judgement.ts';
import { dryRunResultOf } from './dry-run.ts';

const READ = 500;

/**
 * Per order, whether its document of the kind can be printed now and why not (`judgePrint`, as the job
 * judges it): a stored one reprints; a missing one is issued by the job. Nothing is issued or written.
 */
export async function dryRunPrint(em: EntityManager, orderIds: readonly string[], request: PrintDocumentsRequest, actor: Actor, page: { offset: number; limit: number }): Promise<DryRunResult> {
  const refused: DryRunResult['items'] = [];
  for (let i = 0; i < orderIds.length; i += READ) {
    const chunk = orderIds.slice(i, i + READ);
    const fork = em.fork();
    const orders = new Map((await fork.find(OrderRecord, { id: { $in: chunk } }, { fields: ['id', 'reference', 'state'] })).map((o) => [o.id, o]));
    const issued = new Set((await fork.find(DocumentRecord, { issueKey: { $in: chunk.map((id) => issueKeyOf(id, request.kind)) } }, { fields: ['orderId'] })).map((d) => d.orderId));
    for (const id of chunk) {
      const order = orders.get(id) ?? null;
      const judgement = judgePrint(order, request.kind, issued.has(id), actor.roles);
      if (!judgement.ok) refused.push({ orderId: id, reference: order?.reference ?? null, state: order?.state ?? null, kind: judgement.kind, reason: judgement.reason });
    }
  }
  return dryRunResultOf(orderIds.length, refused, page);
}
