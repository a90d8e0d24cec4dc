import type { EntityManager } from '@mikro-orm/sql';
import { inventoryFacts } from '../../rules/inventory-facts.ts';
import { listPricesFor } from './list-prices.ts';
import { readOrderDemand, reserveOrder, shortWithoutReserving } from './order-stock.ts';

/**
 * The order's facts from stock and prices. With `reserveAt`, in an intake decision's transaction, the
 * stock facts are the reservation's own result: the order reserved all its catalogue lines, or it is
 * short of what it could not take, so what the rules see is what the order holds, however many orders
 * race for the same units. An order naming no warehouse reserves nothing and gets no stock facts.
 */
export async function orderInventoryFacts(em: EntityManager, orderId: string, reserveAt: Date | null): Promise<Record<string, unknown>> {
  const demand = await readOrderDemand(em, orderId);
  if (!demand || demand.known.size === 0) return {};
  const listPrices = await listPricesFor(em, demand.account, [...demand.known]);
  const { warehouse } = demand;
  const short = warehouse === null ? null : reserveAt ? await reserveOrder(em, { ...demand, warehouse }, reserveAt) : await shortWithoutReserving(em, { ...demand, warehouse });
  return inventoryFacts({ lines: demand.lines, known: demand.known, short, listPrices });
}
