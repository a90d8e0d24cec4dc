import type { EntityManager } from '@mikro-orm/sql';
import { MAX_LINES } from '../../domain/order.ts';
import { linesInStock } from '../../rules/lines-in-stock.ts';
import { readOrderDemand } from '../../store/inventory/order-stock.ts';
import { listStock } from '../../store/inventory/stock.ts';
import { notFound, UserError } from '../errors.ts';

/** The split parts "lines in stock now" and "the rest", for the split action; refused when there is nothing to split. */
export async function proposeSplitByAvailability(em: EntityManager, orderId: string): Promise<{ parts: number[][] }> {
  const demand = await readOrderDemand(em, orderId);
  if (!demand) throw notFound(`Order ${orderId}`);
  if (!demand.warehouse) throw new UserError(409, 'no_split', 'The order names no warehouse, so its stock is not known: nothing to split by.');
  const stock = await listStock(em, { warehouse: demand.warehouse }, MAX_LINES);
  const inStock = linesInStock(demand.lines, new Map(stock.filter((s) => demand.known.has(s.sku)).map((s) => [s.sku, s.available])));
  const rest = demand.lines.map((_, i) => i).filter((i) => !inStock.includes(i));
  if (inStock.length === 0 || rest.length === 0) throw new UserError(409, 'no_split', inStock.length === 0 ? 'None of its lines is in stock now: there is no part to send.' : 'All its lines are in stock now: the order needs no split.');
  return { parts: [inStock, rest] };
}
