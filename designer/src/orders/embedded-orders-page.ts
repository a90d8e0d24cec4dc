import { EMBEDDED_ORDERS_PAGE_ID } from '../../../domain/embedded-session.ts';
import { takeDataBlock } from '../api/data-block.ts';
import type { OrderPage } from '../api/client.ts';

/**
 * The Orders view's first page the server put in the HTML (api/designer-page.ts), read once and removed;
 * absent when the page came from Vite's dev server or the server could not read it. `query` is the one it
 * read with: the app takes the answer only for the same query.
 */
export const takeEmbeddedOrdersPage = (): { query: string; page: OrderPage } | undefined => takeDataBlock(EMBEDDED_ORDERS_PAGE_ID);
