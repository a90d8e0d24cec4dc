import { renderToString } from 'react-dom/server';
import type { SessionView } from '../../../domain/auth.ts';
import { sessionConfirmed, sessionForgotten } from '../api/session-store.ts';
import { primeAnswered, takePrimed } from '../api/primed-reads.ts';
import { AppRoot } from '../app-root.tsx';
import type { EmbeddedOrdersPage } from '../orders/embedded-orders-page.ts';
import { ORDERS_KEYS } from '../orders/first-reads.ts';
import { liftInlineStyles, type LiftedStyles } from './inline-styles.ts';
import { renderingPage, type RenderedPage } from './rendered-page.ts';

/** How React's server render marks a Suspense boundary it could not finish. */
const CLIENT_RENDERED_BOUNDARY = '<!--$!-->';

export interface FirstScreen extends RenderedPage {
  session: SessionView;
  /** The Orders view's first reads, the same the page carries for the app. */
  orders: EmbeddedOrdersPage<unknown>;
  nonce: string;
}

/**
 * The Orders view's first screen as HTML, for the server to put in the page (api/designer-page.ts): the
 * browser paints it before the app's script has even run, and the app then takes it over (hydrates it).
 * Built for Node by `npm run build` (designer/dist/server/). Everything the app would have read first is
 * handed to it here, and nothing of one person's page stays in the process after. Its inline styles come
 * lifted out (inline-styles.ts). Undefined for a screen the server cannot render whole.
 */
export function renderFirstScreen({ session, orders, nonce, ...page }: FirstScreen): LiftedStyles | undefined {
  const key = ORDERS_KEYS.page(new URLSearchParams(orders.query));
  return renderingPage(page, () => {
    try {
      sessionConfirmed(session);
      primeAnswered(key, orders.page);
      if (orders.workAreas) primeAnswered(ORDERS_KEYS.workAreas, orders.workAreas);
      const html = renderToString(<AppRoot nonce={nonce} />);
      // A part still loading (an order's drawer the URL opens) is marked for the browser to render; React
      // then reports that it had to, an error in the console of a page that has none. Such a page is left
      // to the browser whole.
      return html.includes(CLIENT_RENDERED_BOUNDARY) ? undefined : liftInlineStyles(html);
    } finally {
      takePrimed(key);
      takePrimed(ORDERS_KEYS.workAreas);
      sessionForgotten();
    }
  });
}
