import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionView } from '../domain/auth.ts';
import { EMBEDDED_ORDERS_PAGE_ID, EMBEDDED_SESSION_ID } from '../domain/embedded-session.ts';
import { LIFTED_STYLES_ID, STYLE_INDEX_ATTRIBUTE } from '../designer/src/ssr/inline-styles.ts';
import { VIEWER_COOKIE } from '../designer/src/ssr/viewer-cookie.ts';
import { repoRoot } from '../launcher/repo-root.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { WorkAreaRecord } from '../store/work-area.entity.ts';
import { SessionRecord } from '../store/session.entity.ts';
import { hoursFromNow } from '../test/clock.ts';
import { useTempStore } from '../test/temp-store.ts';
import { createApp } from './app.ts';
import { DEMO_USERS, seedDemoUsers } from './auth/bootstrap-users.ts';
import { designerPage } from './designer-page.ts';
import { sha256 } from './auth/secrets.ts';

/** The page as the build leaves it: Vite's nonce placeholder on its tags. */
const BUILT = '<!doctype html><html><head><script type="module" nonce="__SLUICE_CSP_NONCE__" src="/assets/index.js"></script></head><body>\n<div id="root"></div></body></html>';
const SESSION: SessionView = {
  user: { id: 'u1', username: 'dan', displayName: 'Dan', roles: ['dispatcher'], disabled: false, createdAt: new Date().toISOString() },
  csrfToken: 'csrf',
  mustChangePassword: false,
};
const dataBlock = (id: string) => (html: string): unknown => {
  const match = new RegExp(`<script type="application/json" id="${id}">(.*?)</script>`, 's').exec(html);
  return match ? JSON.parse(match[1]!) : undefined;
};
const embedded = dataBlock(EMBEDDED_SESSION_ID);
const embeddedPage = dataBlock(EMBEDDED_ORDERS_PAGE_ID);

describe('the app page', () => {
  it('carries the nonce, and the session only for someone signed in', () => {
    const page = designerPage(BUILT, 'n0nce');
    expect(page).toContain('nonce="n0nce"');
    expect(page).not.toContain(EMBEDDED_SESSION_ID);
    expect(embedded(designerPage(BUILT, 'n0nce', { session: SESSION }))).toEqual(SESSION);
  });

  it("asks for the first screen's files in its head, as the app's own loader would (crossorigin)", () => {
    const page = designerPage(BUILT, 'n', { preload: ['assets/login-page-abc.js', 'assets/Paper-abc.css'] });
    const head = page.slice(0, page.indexOf('</head>'));
    expect(head).toContain('<link rel="modulepreload" crossorigin href="/assets/login-page-abc.js" nonce="n">');
    expect(head).toContain('<link rel="preload" as="style" crossorigin href="/assets/Paper-abc.css" nonce="n">');
  });

  it('keeps a name that looks like markup, or like a replacement pattern, inside its data block', () => {
    const name = "</script><script>alert(1)</script><!-- $' $& $`";
    const ordersPage = { query: 'limit=100', page: { orders: [{ account: name }] }, workAreas: null };
    const page = designerPage(BUILT, 'n', { session: { ...SESSION, user: { ...SESSION.user, displayName: name } }, ordersPage });
    expect(page.match(/<script/g)).toHaveLength(3);
    expect((embedded(page) as SessionView).user.displayName).toBe(name);
    expect(embeddedPage(page)).toEqual(ordersPage);
  });
});

describe('GET / from the API', () => {
  const store = useTempStore();
  let app: ReturnType<typeof createApp>;
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'sluice-page-'));
    writeFileSync(join(dist, 'index.html'), BUILT);
    // The build's manifest (designer/first-load.ts reads it): the page's chunk (the Orders view is in it), and the sign-in screen's own.
    mkdirSync(join(dist, '.vite'));
    writeFileSync(
      join(dist, '.vite/manifest.json'),
      JSON.stringify({
        'index.html': { file: 'assets/index.js', imports: ['_react.js', '_table.js'] },
        '_react.js': { file: 'assets/react.js' },
        '_table.js': { file: 'assets/table.js', css: ['assets/table.css'] },
        'src/session/login-page.tsx': { file: 'assets/login-page.js', imports: ['_react.js', '_form.js'] },
        '_form.js': { file: 'assets/form.js', css: ['assets/form.css'] },
      }),
    );
    await seedDemoUsers(store().em.fork());
    // The page reads the store alone; a connection never made stands in for Temporal.
    app = createApp({ store: store(), temporal: new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) }), taskQueue: 'page', staticDir: dist });
  });
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  const signIn = async (username: string) => {
    const password = DEMO_USERS.find((u) => u.username === username)!.password;
    const res = await app.request('/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    expect(res.status).toBe(200);
    return res.headers.get('set-cookie')!.split(';')[0]!;
  };

  it('hands a signed-in person the session /auth/me would answer, in a page no cache keeps', async () => {
    const cookie = await signIn('dan');
    const page = await app.request('/', { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const me = await (await app.request('/auth/me', { headers: { cookie } })).json();
    expect(embedded(await page.text())).toEqual(me);
  });

  it.each([
    // The Orders view is part of the page: nothing more to ask for.
    { case: 'signed in, on the Orders view', path: '/?view=orders', signedIn: true, files: [] },
    { case: 'signed in, on another screen', path: '/?view=map', signedIn: true, files: [] },
    { case: 'signed out', path: '/?view=orders', signedIn: false, files: ['login-page.js', 'form.js', 'form.css'] },
  ])("asks for the sign-in screen's own files up front: $case", async ({ path, signedIn, files }) => {
    const headers: Record<string, string> = signedIn ? { cookie: await signIn('dan') } : {};
    const html = await (await app.request(path, { headers })).text();
    const preloaded = [...html.matchAll(/<link rel="(?:modulepreload|preload)"[^>]* href="\/assets\/([^"]+)"/g)].map((m) => m[1]);
    // What index.html loads itself (react.js, table.js) is not asked for twice.
    expect(preloaded).toEqual(files);
  });

  it.each([
    { case: 'no screen named', path: '/', query: 'desk=exceptions&limit=100' },
    { case: 'the Orders view, a desk, a search and a sort named', path: '/?view=orders&desk=all&q=ACME&sort=due&dir=asc', query: 'q=ACME&sort=due&dir=asc&limit=100' },
  ])("carries the Orders view's first page as GET /orders answers it, and the work areas its rows name: $case", async ({ path, query }) => {
    const cookie = await signIn('dan');
    const html = await (await app.request(path, { headers: { cookie } })).text();
    const answer = await (await app.request(`/orders?${query}`, { headers: { cookie } })).json();
    const { workAreas } = (await (await app.request('/work-areas', { headers: { cookie } })).json()) as { workAreas: unknown[] };
    expect(embeddedPage(html)).toEqual({ query, page: answer, workAreas });
  });

  it.each([
    { case: 'signed out', path: '/', signedIn: false },
    { case: 'signed in, on another screen', path: '/?view=map', signedIn: true },
    { case: 'signed in, with a cursor GET /orders refuses', path: '/?view=orders&cursor=not-one-it-gave', signedIn: true },
  ])("carries no orders page when $case", async ({ path, signedIn }) => {
    const headers: Record<string, string> = signedIn ? { cookie: await signIn('dan') } : {};
    const res = await app.request(path, { headers });
    expect(res.status).toBe(200);
    expect(embeddedPage(await res.text())).toBeUndefined();
  });

  it.each([
    { case: 'no cookie', cookie: undefined },
    { case: 'an unknown cookie', cookie: 'sluice_session=not-a-session' },
  ])('hands over no session with $case', async ({ cookie }) => {
    const page = await app.request('/', { headers: cookie ? { cookie } : {} });
    expect(page.status).toBe(200);
    expect(embedded(await page.text())).toBeUndefined();
  });

  it('hands over no session once it has expired', async () => {
    const cookie = await signIn('olivia');
    const em = store().em.fork();
    await em.nativeUpdate(SessionRecord, { tokenHash: sha256(cookie.split('=')[1]!) }, { expiresAt: new Date(Date.now() - 1_000) });
    expect(embedded(await (await app.request('/', { headers: { cookie } })).text())).toBeUndefined();
  });
});

/** The built app's page, whose first screen the server renders (designer/src/ssr/): `npm run build` first. */
describe('GET / with the first screen rendered on the server', () => {
  const store = useTempStore();
  let app: ReturnType<typeof createApp>;
  let cookie: string;
  const dueAt = new Date(hoursFromNow(5));
  // An account whose `$'` a string replacement would read as "the rest of the page".
  const account = "O'Brien $' & <Sons>";
  beforeAll(async () => {
    await seedDemoUsers(store().em.fork());
    const em = store().em.fork();
    em.create(WorkAreaRecord, { id: 'ssr-area', name: 'Pick zone North', kind: 'pick_zone', wipLimit: 50 });
    em.create(OrderRecord, { id: 'ssr-1', reference: 'SSR-0001', account, kind: 'pick', statedPriority: 'high', dueAt, workAreaId: 'ssr-area', lines: [{ sku: 'A-1', qty: 1, price: 1 }], state: 'queued' });
    await em.flush();
    app = createApp({ store: store(), temporal: new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) }), taskQueue: 'page', staticDir: join(repoRoot, 'designer/dist') });
    const password = DEMO_USERS.find((u) => u.username === 'dan')!.password;
    const res = await app.request('/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'dan', password }) });
    cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  });
  const rootOf = (html: string) => /<div id="root"[^>]*>([\s\S]*)<\/div>\s*<\/body>/.exec(html)?.[1] ?? '';
  const open = async (path: string, viewer?: string) => {
    const res = await app.request(path, { headers: { cookie: viewer === undefined ? cookie : `${cookie}; ${VIEWER_COOKIE}=${encodeURIComponent(viewer)}` } });
    expect(res.status).toBe(200);
    return res.text();
  };

  it("renders the Orders view with its rows, the dates in the viewer's locale and zone, and no inline style the CSP would refuse", async () => {
    const html = await open('/?view=orders&desk=all', 'en-GB Asia/Tokyo');
    const root = rootOf(html);
    expect(root).toContain('SSR-0001');
    expect(root).toContain("O&#x27;Brien $&#x27; &amp; &lt;Sons&gt;");
    // The row names its area, not the area's id: the work areas were read for the page too.
    expect(root).toContain('Pick zone North');
    const due = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Tokyo' }).format(dueAt);
    expect(root).toContain(due);
    expect(root).not.toMatch(/ style="/);
    expect(root).toContain(`${STYLE_INDEX_ATTRIBUTE}="0"`);
    // The styles for the first paint come in a sheet with this response's nonce, in the head.
    const nonce = /<meta property="csp-nonce" nonce="([^"]+)"/.exec(html)![1];
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toContain(`<style id="${LIFTED_STYLES_ID}" nonce="${nonce}">[${STYLE_INDEX_ATTRIBUTE}="0"]{`);
    expect(html).toMatch(/<div id="root" data-rendered-at="\d+">/);
  });

  it.each([
    { case: 'the browser has not told its locale and zone yet', path: '/?view=orders', viewer: undefined },
    { case: 'the cookie names a zone nobody has', path: '/?view=orders', viewer: 'en-GB Nowhere/Atlantis' },
    { case: 'the URL opens another screen', path: '/?view=map', viewer: 'en-GB UTC' },
    // The order's drawer loads its code in the browser: the server would send the table without it.
    { case: "the URL opens an order's drawer", path: '/?view=orders&desk=all&order=ssr-1', viewer: 'en-GB UTC' },
  ])('leaves the screen to the browser when $case', async ({ path, viewer }) => {
    const html = await open(path, viewer);
    expect(rootOf(html)).toBe('');
    expect(html).not.toContain(LIFTED_STYLES_ID);
  });
});
