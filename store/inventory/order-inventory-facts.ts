import type { EntityManager } from '@mikro-orm/sql';
import { inventoryFacts } from '../../rules/inventory-facts.ts';
import { listPricesFor } from './list-prices.ts';
import { readOrderDemand, reserveOrder, shortWithoutReserving } from './order-stock.ts';
import { reserveAtOf } from './warehouse-settings.ts';

/**
 * The order's facts from stock and prices. With `reserveAt`, in an intake decision's transaction, the
 * stock facts are the reservation's own result: the order reserved all its catalogue lines, or it is
 * short of what it could not take, so what the rules see is what the order holds, however many orders
 * race for the same units. A warehouse that reserves at release reserves nothing here: the facts say what
 * its available stock covers now, and the release takes the units. An order naming no warehouse reserves
 * nothing and gets no stock facts.
 */
export async function orderInventoryFacts(em: EntityManager, orderId: string, reserveAt: Date | null): Promise<Record<string, unknown>> {
  const demand = await readOrderDemand(em, orderId);
  if (!demand || demand.known.size === 0) return {};
  const listPrices = await listPricesFor(em, demand.account, [...demand.known]);
  const { warehouse } = demand;
  if (warehouse === null) return inventoryFacts({ lines: demand.lines, known: demand.known, short: null, listPrices });
  const reserving = reserveAt !== null && (await reserveAtOf(em, warehouse)) === 'acceptance';
  const short = reserving ? await reserveOrder(em, { ...demand, warehouse }, reserveAt) : await shortWithoutReserving(em, { ...demand, warehouse });
  return inventoryFacts({ lines: demand.lines, known: demand.known, short, listPrices });
}
