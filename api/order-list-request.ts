import { z } from 'zod';
import type { LastMileStatus } from '../domain/last-mile.ts';
import type { OrderKind, OrderState, StatedPriority } from '../domain/order.ts';
import { DESKS } from '../domain/order-desks.ts';
import { checkOrderListFilters, orderListFilterQuery, splitList } from '../domain/order-list-query.ts';
import { searchText } from '../domain/text.ts';
import { checkOrderMoveQuery, orderMoveQuery } from '../domain/trends.ts';
import { decodeCursor } from '../store/order-list-cursor.ts';
import type { OrderListQuery } from '../store/order-list.ts';
import { UserError } from './errors.ts';

/** GET /orders' query: its search, desk, paging, move filter and filters; a bulk job takes one whole as its selection. */
export const orderListRequest = z
  .object({
    q: searchText(100).optional(),
    desk: z.enum(DESKS).default('all'),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
    limit: z.coerce.number().int().min(1).max(500).default(500),
    ...orderMoveQuery,
    ...orderListFilterQuery,
  })
  .superRefine(checkOrderMoveQuery)
  .superRefine(checkOrderListFilters);
export type OrderListRequest = z.output<typeof orderListRequest>;

const optional = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));

/** The store's query for a GET /orders request; a cursor another sort gave, or none at all, is the caller's to fix (400). */
export function listQueryOf(query: OrderListRequest): OrderListQuery {
  const moved =
    query.moved && query.movedFrom && query.movedTo
      ? { event: query.moved, from: new Date(query.movedFrom), to: new Date(query.movedTo), late: query.late === 'true', ...(query.areas ? { areaIds: query.areas.split(',') } : {}) }
      : undefined;
  const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  if (cursor === null) throw new UserError(400, 'invalid_request', 'cursor: not a cursor this server gave; start again from the first page.');
  if (cursor && (cursor.sort !== query.sort || cursor.dir !== query.dir)) throw new UserError(400, 'invalid_request', `cursor: it continues the sort ${cursor.sort} ${cursor.dir}, not ${query.sort} ${query.dir}; start again from the first page.`);
  return {
    ...optional('q', query.q || undefined),
    desk: query.desk,
    ...optional('moved', moved),
    ...optional('states', splitList<OrderState>(query.state)),
    ...optional('kinds', splitList<OrderKind>(query.kind)),
    ...optional('area', query.area),
    ...optional('zone', query.zone),
    ...optional('warehouse', query.warehouse),
    ...optional('dueFrom', query.dueFrom === undefined ? undefined : new Date(query.dueFrom)),
    ...optional('dueTo', query.dueTo === undefined ? undefined : new Date(query.dueTo)),
    ...optional('priorities', splitList<StatedPriority>(query.priority)),
    ...optional('hold', query.hold),
    ...optional('escalatedTo', query.escalatedTo),
    ...optional('lastMile', splitList<LastMileStatus>(query.lastMile)),
    sort: query.sort,
    dir: query.dir,
    ...optional('cursor', cursor),
    offset: query.offset,
    limit: query.limit,
  };
}
