import type { Desk } from '../../../domain/order-desks.ts';
import type { Role } from '../../../domain/roles.ts';
import { DESK_PAGE_SIZE, deskFor } from './desks.ts';
import { moveQuery, readOrdersLink } from './orders-link.ts';
import { listQuery, readViewState } from './table/orders-view-state.ts';

/** `GET /orders`'s query for one page of the view: its filters, a dashboard figure's move filter, the page. */
export function pageQueryOf(query: URLSearchParams, moveFilter: Record<string, string>, cursor: string | undefined): URLSearchParams {
  return new URLSearchParams({ ...Object.fromEntries(query), ...moveFilter, limit: String(DESK_PAGE_SIZE), ...(cursor ? { cursor } : {}) });
}

/**
 * `GET /orders`'s query for the page the Orders view shows first at this URL, for a person with these
 * roles: what the app reads first, and what the server reads to put in the page (api/designer-page.ts).
 */
export function firstPageQuery(search: string, roles: readonly Role[]): URLSearchParams {
  const state = readViewState(search);
  const desk: Desk = state.desk ?? deskFor(roles);
  const link = readOrdersLink(search);
  return pageQueryOf(listQuery({ ...state, desk }), link ? moveQuery(link) : {}, state.cursor);
}
