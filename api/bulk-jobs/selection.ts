import type { EntityManager } from '@mikro-orm/sql';
import { BULK_JOB_MAX_ORDERS, type BulkRequest, type BulkSelection } from '../../domain/bulk-job.ts';
import { BULK_PRINT_MAX_ORDERS, isPrintRequest } from '../../domain/bulk-print.ts';
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

/** The most orders a job of this request takes, and what a person reads when a selection has more. */
interface Bound {
  max: number;
  tooMany: (what: string) => UserError;
}

const JOB_BOUND: Bound = {
  max: BULK_JOB_MAX_ORDERS,
  tooMany: (what) =>
    new UserError(400, 'invalid_request', `${what} more than ${BULK_JOB_MAX_ORDERS.toLocaleString('en')} orders, the most one bulk job takes: narrow the filter (a state, a kind, a due window) and run it in parts.`, [
      { path: 'selection.filter', message: `at most ${BULK_JOB_MAX_ORDERS} orders` },
    ]),
};

const PRINT_BOUND: Bound = {
  max: BULK_PRINT_MAX_ORDERS,
  tooMany: (what) =>
    new UserError(
      400,
      'invalid_request',
      `${what} more than ${BULK_PRINT_MAX_ORDERS} orders, the most one print job takes (a ream of paper, and one PDF a person can open): narrow the selection (a zone, a due window) and print it in parts.`,
      [{ path: 'selection', message: `at most ${BULK_PRINT_MAX_ORDERS} orders in a print job` }],
    ),
};

export const boundOf = (request: BulkRequest): Bound => (isPrintRequest(request) ? PRINT_BOUND : JOB_BOUND);

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

async function matching(em: EntityManager, filter: string, bound: Bound): Promise<string[]> {
  // One read of the matches, one past the most a job takes to tell "too many".
  const page = await listOrders(em, listQueryOf({ ...parseFilter(filter), limit: bound.max + 1, offset: 0 }));
  if (page.orders.length > bound.max) throw bound.tooMany('The filter matches');
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
export async function resolveSelection(em: EntityManager, selection: BulkSelection, bound: Bound = JOB_BOUND): Promise<ResolvedSelection> {
  if ('orderIds' in selection) {
    const orderIds = await byIdOrReference(em, selection.orderIds);
    if (orderIds.length > bound.max) throw bound.tooMany(`The selection has ${orderIds.length.toLocaleString('en')} orders:`);
    return { orderIds, filter: null };
  }
  return { orderIds: await matching(em, selection.filter, bound), filter: selection.filter };
}
