import type { Role } from '../../../domain/roles.ts';
import { listOrders, listOrderViews, listWorkAreas, WORK_AREAS_KEY } from '../api/client.ts';
import { primeAnswered, primeRead } from '../api/primed-reads.ts';
import { takeEmbeddedOrdersPage } from './embedded-orders-page.ts';
import { firstPageQuery } from './first-page-query.ts';

/** The keys under which the Orders view reads, shared with main.tsx's primed reads of its first page. */
export const ORDERS_KEYS = { workAreas: WORK_AREAS_KEY, queues: 'order-views', page: (pageQuery: URLSearchParams) => `orders:${pageQuery}` };

/**
 * The Orders view's first reads for this URL and person, started before the app renders; settles with its
 * page. The page the server put in the HTML is taken as that read's answer when it is the same query.
 */
export function primeOrdersView(search: string, roles: readonly Role[], { hydrating = false } = {}): Promise<unknown> {
  const pageQuery = firstPageQuery(search, roles);
  const embedded = takeEmbeddedOrdersPage();
  const key = ORDERS_KEYS.page(pageQuery);
  const same = embedded?.query === pageQuery.toString();
  const page = same ? primeAnswered(key, embedded.page) : primeRead(key, () => listOrders(pageQuery));
  if (same && embedded.workAreas) primeAnswered(ORDERS_KEYS.workAreas, embedded.workAreas);
  // A first render that repeats the server's must not find answered what the server had not: the view
  // reads these once it is on screen.
  if (!hydrating) {
    primeRead(ORDERS_KEYS.workAreas, () => listWorkAreas());
    primeRead(ORDERS_KEYS.queues, () => listOrderViews());
  }
  return page;
}
