import { EMBEDDED_ORDERS_PAGE_ID } from '../../../domain/embedded-session.ts';
import { takeDataBlock } from '../api/data-block.ts';
import type { OrderPage } from '../api/client.ts';
import type { WorkArea } from '../../../domain/work-area.ts';

/**
 * The Orders view's first reads, as the server read them for the page (api/designer-page.ts): `query` is
 * the one it read `GET /orders` with, `page` its answer; `workAreas` is `GET /work-areas`' list, by which
 * the rows name their areas, or null when the server could not read it.
 */
export interface EmbeddedOrdersPage<Page = OrderPage> {
  query: string;
  page: Page;
  workAreas: WorkArea[] | null;
}

/**
 * The Orders view's first page the server put in the HTML (api/designer-page.ts), read once and removed;
 * absent when the page came from Vite's dev server or the server could not read it. `query` is the one it
 * read with: the app takes the answer only for the same query.
 */
export const takeEmbeddedOrdersPage = (): EmbeddedOrdersPage | undefined => takeDataBlock(EMBEDDED_ORDERS_PAGE_ID);
