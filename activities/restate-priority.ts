import type { StatedPriority } from '../domain/order.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { statedPriorityRank } from '../store/order-sort-ranks.ts';
import type { ActivityDeps } from './activity-deps.ts';

/** Stores the priority the requester now states; the transition that asked for it is audited on its own. */
export function restatePriorityActivity(deps: ActivityDeps) {
  return async function restatePriority({ orderId, statedPriority }: { orderId: string; statedPriority: StatedPriority }): Promise<void> {
    await deps.store.em.fork().nativeUpdate(OrderRecord, { id: orderId }, { statedPriority, statedPriorityRank: statedPriorityRank(statedPriority) });
  };
}
