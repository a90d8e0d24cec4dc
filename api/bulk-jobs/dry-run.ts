import type { EntityManager } from '@mikro-orm/sql';
import type { DryRunResult, RefusalKind } from '../../domain/bulk-job.ts';
import type { OrderActionRequest } from '../../domain/order.ts';
import { OrderRecord } from '../../store/order.entity.ts';
import { toOrderSummary } from '../../store/order-read-model.ts';
import { judgeAction, type Actor } from '../../workflows/machines/action-judgement.ts';

const READ = 500;

/**
 * Per order, whether the action would go through now and why not, by the judgement the live action makes
 * (`judgeAction`): nothing is sent and nothing written. Answers the counts, the reasons counted, and a page
 * of the refused orders.
 */
export async function dryRun(em: EntityManager, orderIds: readonly string[], request: OrderActionRequest, actor: Actor, page: { offset: number; limit: number }): Promise<DryRunResult> {
  const refused: DryRunResult['items'] = [];
  const words = new Map<string, string>();
  for (let i = 0; i < orderIds.length; i += READ) {
    const chunk = orderIds.slice(i, i + READ);
    const orders = new Map((await em.fork().find(OrderRecord, { id: { $in: chunk } })).map((o) => [o.id, o]));
    for (const id of chunk) {
      const order = orders.get(id);
      const judgement = judgeAction(order ? toOrderSummary(order) : null, request, actor, words);
      if (!judgement.ok) refused.push({ orderId: id, reference: order?.reference ?? null, state: order?.state ?? null, kind: judgement.kind, reason: judgement.reason });
    }
  }
  return dryRunResultOf(orderIds.length, refused, page);
}

/** The counts, the reasons counted (most first), and a page of the refused orders. */
export function dryRunResultOf(total: number, refused: DryRunResult['items'], page: { offset: number; limit: number }): DryRunResult {
  const reasons = new Map<string, { kind: RefusalKind; reason: string; count: number }>();
  for (const r of refused) {
    const known = reasons.get(r.reason);
    if (known) known.count++;
    else reasons.set(r.reason, { kind: r.kind, reason: r.reason, count: 1 });
  }
  return {
    total,
    wouldRun: total - refused.length,
    refused: refused.length,
    reasons: [...reasons.values()].sort((a, b) => b.count - a.count),
    items: refused.slice(page.offset, page.offset + page.limit),
    offset: page.offset,
  };
}
