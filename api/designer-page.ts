import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import type { SessionView } from '../domain/auth.ts';
import { signInOnlyFiles } from '../designer/first-load.ts';
import { EMBEDDED_ORDERS_PAGE_ID, EMBEDDED_SESSION_ID } from '../domain/embedded-session.ts';
import { firstPageQuery } from '../designer/src/orders/first-page-query.ts';
import { firstViewOf } from '../designer/src/app-views.ts';
import type { EmbeddedOrdersPage as ViewReads } from '../designer/src/orders/embedded-orders-page.ts';
import type { FirstScreen } from '../designer/src/ssr/render-first-screen.tsx';
import { LIFTED_STYLES_ID, type LiftedStyles } from '../designer/src/ssr/inline-styles.ts';
import { VIEWER_COOKIE, viewerOf } from '../designer/src/ssr/viewer-cookie.ts';
import { log } from '../logging/logger.ts';
import type { Store } from '../store/open-store.ts';
import type { AppEnv } from './auth/principal.ts';
import { findSession, SESSION_COOKIE, sessionViewOf } from './auth/sessions.ts';
import { precompressedAssets } from './compression/precompressed-assets.ts';

const NONCE_PLACEHOLDER = /__SLUICE_CSP_NONCE__/g;

/** What the server reads for the page, so the app need not ask (the Orders view's first reads). */
export type EmbeddedOrdersPage = ViewReads<unknown>;

/** JSON safe inside a `<script>` element: nothing in it can close the element or start a comment. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}


export interface PageEmbeds {
  session?: SessionView | null;
  /** The first screen's files, fetched while the page's own scripts load and run rather than after. */
  preload?: readonly string[];
  ordersPage?: EmbeddedOrdersPage | null;
  /** The first screen as the server rendered it at `renderedAt` (designer/src/ssr/), which the app takes over. */
  firstScreen?: (LiftedStyles & { renderedAt: number }) | null;
}

const ROOT = '<div id="root"></div>';

/**
 * The app's page with this response's CSP nonce and, for a signed-in person, their session: the app then
 * starts on its first screen instead of asking `/auth/me` first, a round trip on every cold open. For
 * someone opening the Orders view it also carries the view's first reads, so the first render has its rows,
 * and for a returning person that screen rendered (designer/src/ssr/), so the browser paints it at once.
 * A data block is not run, so the CSP needs no nonce for it.
 */
export function designerPage(page: string, nonce: string, { session = null, preload = [], ordersPage = null, firstScreen = null }: PageEmbeds = {}): string {
  let html = page.replace(NONCE_PLACEHOLDER, nonce);
  // Replaced by functions throughout: a string replacement reads `$&` or `$'` in an order's text as a pattern.
  if (firstScreen) {
    html = html.replace(ROOT, () => `<div id="root" data-rendered-at="${firstScreen.renderedAt}">${firstScreen.html}</div>`);
    // Its styles are the screen's first paint: in the head, before anything is painted. Lifted styles hold no `<`.
    html = html.replace('</head>', () => `  <style id="${LIFTED_STYLES_ID}" nonce="${nonce}">${firstScreen.css}</style>\n  </head>`);
  }
  if (preload.length > 0) {
    // Marked as the app's own loader marks them (crossorigin), so the requests it makes later find these.
    const links = preload.map((file) =>
      file.endsWith('.css') ? `<link rel="preload" as="style" crossorigin href="/${file}" nonce="${nonce}">` : `<link rel="modulepreload" crossorigin href="/${file}" nonce="${nonce}">`,
    );
    html = html.replace('</head>', () => `  ${links.join('\n    ')}\n  </head>`);
  }
  if (!session) return html;
  const blocks = [`<script type="application/json" id="${EMBEDDED_SESSION_ID}">${scriptJson(session)}</script>`];
  if (firstScreen) blocks.push(`<script type="application/json" id="${LIFTED_STYLES_ID}-list">${scriptJson(firstScreen.styles)}</script>`);
  if (ordersPage) blocks.push(`<script type="application/json" id="${EMBEDDED_ORDERS_PAGE_ID}">${scriptJson(ordersPage)}</script>`);
  return html.replace('<body>', () => `<body>\n    ${blocks.join('\n    ')}`);
}

/**
 * The files of the screen a page request will open first that the page does not load itself: the sign-in
 * screen's, for someone signed out. (The Orders view, most people's first screen, is part of the page.)
 */
function signInFiles(staticDir: string): readonly string[] {
  // A page put together by hand (tests) or by an older build has no manifest: the app loads its screen when it asks.
  if (!existsSync(join(staticDir, '.vite/manifest.json'))) return [];
  try {
    return signInOnlyFiles(staticDir);
  } catch (error) {
    log.warn({ err: error }, 'the build manifest names no sign-in screen: the app loads it when it asks');
    return [];
  }
}

/** The cookie's session, or null; a store that cannot answer leaves the app to ask `/auth/me`, which says why. */
async function sessionOf(store: Store, cookie: string | undefined): Promise<SessionView | null> {
  if (!cookie) return null;
  try {
    const found = await findSession(store.em.fork(), cookie);
    return found && sessionViewOf(found.user, found.session.csrfToken);
  } catch (error) {
    log.warn({ err: error }, 'the session could not be read for the app page; the app asks for it itself');
    return null;
  }
}

/**
 * The Orders view's first page for this URL, as `GET /orders` answers the person now (the same route, so
 * the same checks), with `GET /work-areas`' list; or null for a URL that opens another screen, or when the
 * read is refused or fails: the app then reads it itself.
 */
async function ordersPageOf(app: Hono<AppEnv>, url: URL, session: SessionView, cookie: string): Promise<EmbeddedOrdersPage | null> {
  const view = url.searchParams.get('view');
  if (view !== null && view !== 'orders') return null;
  const query = firstPageQuery(url.search, session.user.roles).toString();
  try {
    const [orders, areas] = await Promise.all([app.request(`/orders?${query}`, { headers: { cookie } }), app.request('/work-areas', { headers: { cookie } })]);
    if (!orders.ok) return null;
    // The rows name their areas by this list: without it they show the areas' ids until the app reads it.
    const workAreas = areas.ok ? ((await areas.json()) as { workAreas: ViewReads['workAreas'] }).workAreas : null;
    return { query, page: await orders.json(), workAreas };
  } catch (error) {
    log.warn({ err: error }, "the Orders view's first page could not be read for the app page; the app reads it itself");
    return null;
  }
}

type RenderFirstScreen = (screen: FirstScreen) => LiftedStyles | undefined;

/** Where `npm run build` puts the first screen's server render (designer/vite.config.ts). */
const FIRST_SCREEN_RENDERER = 'server/render-first-screen.js';

/** The build's server render of the first screen, or undefined (an older build, a page put together by hand). */
async function firstScreenRenderer(staticDir: string): Promise<RenderFirstScreen | undefined> {
  const file = join(staticDir, FIRST_SCREEN_RENDERER);
  if (!existsSync(file)) return undefined;
  try {
    return ((await import(pathToFileURL(file).href)) as { renderFirstScreen: RenderFirstScreen }).renderFirstScreen;
  } catch (error) {
    log.warn({ err: error }, 'the first screen cannot be rendered on the server: the app renders it in the browser');
    return undefined;
  }
}

/**
 * The Orders view's first screen rendered for this person, or null: when it is not their first screen,
 * their browser has not told its locale and time zone yet (its first visit), or the render failed. The app
 * then renders it in the browser, as it always can.
 */
function firstScreenOf(render: RenderFirstScreen | undefined, url: URL, session: SessionView, ordersPage: EmbeddedOrdersPage, cookies: Record<string, string>, nonce: string) {
  const viewer = viewerOf(cookies[VIEWER_COOKIE]);
  if (!render || !viewer || firstViewOf(url.search, session.user.roles) !== 'orders') return null;
  const renderedAt = Date.now();
  try {
    const rendered = render({ session, orders: ordersPage, nonce, search: url.search, now: renderedAt, ...viewer, cookies });
    return rendered ? { ...rendered, renderedAt } : null;
  } catch (error) {
    log.warn({ err: error }, 'the first screen could not be rendered on the server; the app renders it in the browser');
    return null;
  }
}

/** The built designer at `/` and its assets, or a 503 saying how to build it. */
export function serveDesigner(app: Hono<AppEnv>, staticDir: string | undefined, store: Store): void {
  const index = staticDir && join(staticDir, 'index.html');
  if (!index || !existsSync(index)) {
    app.get('/', (c) => c.text('The designer is not built yet: run `npm run build`, then reload.', 503));
    return;
  }
  const page = readFileSync(index, 'utf8');
  const root = relative(process.cwd(), staticDir);
  // File names carry a content hash, so a browser may keep them for good. The build wrote a brotli and
  // a gzip file beside each (designer/precompress.ts): the best one the caller accepts is sent.
  app.use('/assets/*', async (c, next) => {
    await next();
    if (!c.res.ok) return;
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    c.header('Vary', 'Accept-Encoding');
  });
  app.use('/assets/*', precompressedAssets(root), serveStatic({ root }));
  const signInPreload = signInFiles(staticDir);
  const renderer = firstScreenRenderer(staticDir);
  app.get('/', async (c) => {
    // The page carries the session's CSRF token: it must never be kept by a cache.
    c.header('Cache-Control', 'no-store');
    const cookies = getCookie(c);
    const session = await sessionOf(store, cookies[SESSION_COOKIE]);
    const nonce = c.get('secureHeadersNonce') ?? '';
    if (!session) return c.html(designerPage(page, nonce, { preload: signInPreload }));
    const url = new URL(c.req.url);
    const ordersPage = await ordersPageOf(app, url, session, c.req.header('cookie') ?? '');
    const firstScreen = ordersPage && firstScreenOf(await renderer, url, session, ordersPage, cookies, nonce);
    return c.html(designerPage(page, nonce, { session, ordersPage, firstScreen }));
  });
}
