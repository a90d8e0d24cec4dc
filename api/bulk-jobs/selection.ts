import type { EntityManager } from '@mikro-orm/sql';
import { BULK_JOB_MAX_ORDERS, type BulkSelection } from '../../domain/bulk-job.ts';
import { listOrders } from '../../store/order-list.ts';
import { OrderRecord } from '../../store/order.entity.ts';
import { UserError } from '../errors.ts';
import { listQueryOf, orderListRequest } from '../order-list-request.ts';

const PAGE = 500;

export interface ResolvedSelection {
  orderIds: string[];
  /** The GET /orders query string the orders matched, when chosen by a filter. */
  filter: string | null;
}

const tooMany = (what: string) =>
  new UserError(400, 'invalid_request', `${what} more than ${BULK_JOB_MAX_ORDERS.toLocaleString('en')} orders, the most one bulk job takes: narrow the filter (a state, a kind, a due window) and run it in parts.`, [
    { path: 'selection.filter', message: `at most ${BULK_JOB_MAX_ORDERS} orders` },
  ]);

/** The filter as GET /orders reads it, from its first page on: its own cursor, offset and limit say nothing about which orders. */
function parseFilter(filter: string) {
  const params = Object.fromEntries([...new URLSearchParams(filter.replace(/^\?/, ''))].filter(([key]) => !['cursor', 'offset', 'limit'].includes(key)));
  const parsed = orderListRequest.safeParse(params);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: ['selection', 'filter', ...i.path.map(String)].join('.'), message: i.message }));
    throw new UserError(400, 'invalid_request', `selection.filter is not a GET /orders query: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
  }
  return parsed.data;
}

async function matching(em: EntityManager, filter: string): Promise<string[]> {
  // One read of the matches, one past the most a job takes to tell "too many".
  const page = await listOrders(em, listQueryOf({ ...parseFilter(filter), limit: BULK_JOB_MAX_ORDERS + 1, offset: 0 }));
  if (page.orders.length > BULK_JOB_MAX_ORDERS) throw tooMany('The filter matches');
  return page.orders.map((o) => o.id);
}

/** Each pasted entry is an order's id, or else its reference; one that is neither stays, and is refused as gone. */
async function byIdOrReference(em: EntityManager, entries: readonly string[]): Promise<string[]> {
  const unique = [...new Set(entries.map((e) => e.trim()).filter((e) => e.length > 0))];
  const known = new Set<string>();
  const byReference = new Map<string, string>();
  for (let i = 0; i < unique.length; i += PAGE) {
    const chunk = unique.slice(i, i + PAGE);
    for (const o of await em.find(OrderRecord, { id: { $in: chunk } }, { fields: ['id'] })) known.add(o.id);
    const rest = chunk.filter((e) => !known.has(e));
    if (rest.length) for (const o of await em.find(OrderRecord, { reference: { $in: rest } }, { fields: ['id', 'reference'] })) if (!byReference.has(o.reference!)) byReference.set(o.reference!, o.id);
  }
  return [...new Set(unique.map((e) => (known.has(e) ? e : (byReference.get(e) ?? e))))];
}

/** The orders a job acts on, fixed when it is made: a filter's matches now, not as they change later. */
export async function resolveSelection(em: EntityManager, selection: BulkSelection): Promise<ResolvedSelection> {
  if ('orderIds' in selection) return { orderIds: await byIdOrReference(em, selection.orderIds), filter: null };
  return { orderIds: await matching(em, selection.filter), filter: selection.filter };
}
