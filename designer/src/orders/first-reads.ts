import type { Desk } from '../../../domain/order-desks.ts';
import type { Role } from '../../../domain/roles.ts';
import { listOrders, listOrderViews, listWorkAreas, WORK_AREAS_KEY } from '../api/client.ts';
import { primeRead } from '../api/primed-reads.ts';
import { DESK_PAGE_SIZE, deskFor } from './desks.ts';
import { moveQuery, readOrdersLink } from './orders-link.ts';
import { listQuery, readViewState } from './table/orders-view-state.ts';

/** The keys under which the Orders view reads, shared with main.tsx's primed reads of its first page. */
export const ORDERS_KEYS = { workAreas: WORK_AREAS_KEY, queues: 'order-views', page: (pageQuery: URLSearchParams) => `orders:${pageQuery}` };

/** `GET /orders`'s query for one page of the view: its filters, a dashboard figure's move filter, the page. */
export function pageQueryOf(query: URLSearchParams, moveFilter: Record<string, string>, cursor: string | undefined): URLSearchParams {
  return new URLSearchParams({ ...Object.fromEntries(query), ...moveFilter, limit: String(DESK_PAGE_SIZE), ...(cursor ? { cursor } : {}) });
}

/** The Orders view's first reads for this URL and person, started before its code has loaded; settles with its page. */
export function primeOrdersView(search: string, roles: readonly Role[]): Promise<unknown> {
  const state = readViewState(search);
  const desk: Desk = state.desk ?? deskFor(roles);
  const link = readOrdersLink(search);
  const pageQuery = pageQueryOf(listQuery({ ...state, desk }), link ? moveQuery(link) : {}, state.cursor);
  const page = primeRead(ORDERS_KEYS.page(pageQuery), () => listOrders(pageQuery));
  primeRead(ORDERS_KEYS.workAreas, () => listWorkAreas());
  primeRead(ORDERS_KEYS.queues, () => listOrderViews());
  return page;
}
