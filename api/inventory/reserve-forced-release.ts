import type { OrderActionRequest } from '../../domain/order.ts';
import type { Role } from '../../domain/roles.ts';
import { reserveAtRelease } from '../../store/inventory/reserve-at-release.ts';
import type { OrderRecord } from '../../store/order.entity.ts';
import { toOrderSummary } from '../../store/order-read-model.ts';
import type { Store } from '../../store/open-store.ts';
import { judgeAction } from '../../workflows/machines/action-judgement.ts';
import { UserError } from '../errors.ts';

/**
 * A forced release skips the release cycle, and with it the cycle's reservation in a warehouse that reserves
 * at release: it takes the order's stock here instead, all or none, before the action is sent, and is refused
 * when the stock is not there (forcing it out would ship what another order holds). Only for a forced release
 * the lifecycle will take: one it refuses reserves nothing. An order that holds its stock already takes none.
 */
export async function reserveForcedRelease(store: Store, order: OrderRecord, request: OrderActionRequest, actor: { name: string; roles: Role[] }): Promise<void> {
  if (request.action !== 'force_release' || !order.warehouse) return;
  if (!judgeAction(toOrderSummary(order), request, actor).ok) return;
  const short = await store.em.fork().transactional((tx) => reserveAtRelease(tx, [order.id], new Date()));
  const skus = short.get(order.id);
  if (skus) {
    throw new UserError(409, 'stock_short', `${order.warehouse} is short of ${skus.join(', ')} for this order, and it reserves stock at release: forcing the order out would ship what others hold. Receive the stock, or split the order by availability.`);
  }
}
