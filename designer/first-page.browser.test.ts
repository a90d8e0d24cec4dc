import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../api/auth/bootstrap-users.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { WorkAreaRecord } from '../store/work-area.entity.ts';
import { hoursFromNow } from '../test/clock.ts';
import { LIFTED_STYLES_ID, STYLE_INDEX_ATTRIBUTE } from './src/ssr/inline-styles.ts';
import { ARTIFACTS, checkScreen, openPage } from '../test/browser.ts';
import { openDesigner, type DesignerSession } from '../test/designer-session.ts';

/**
 * A signed-in person's cold open (#17's first page): the page brings the session, the Orders view's code
 * and its first page, the view's other reads start as that code runs, and the screen appears whole.
 */
describe('the first page of someone signed in', () => {
  let session: DesignerSession | undefined;
  beforeAll(async () => {
    session = await openDesigner({ worker: false });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('asks nobody who is signed in nor for the first page, starts the other reads before the app renders, and shows no loader on the way', async () => {
    const { url, browser } = session!;
    const page = await openPage(browser, { viewport: { width: 1400, height: 1000 } });
    const dan = DEMO_USERS.find((u) => u.username === 'dan')!;
    expect((await page.context().request.post(`${url}/auth/login`, { data: { username: dan.username, password: dan.password } })).ok()).toBe(true);
    const reads: string[] = [];
    page.on('request', (request) => {
      const { pathname, search } = new URL(request.url());
      if (pathname !== '/' && !pathname.startsWith('/assets/') && pathname !== '/favicon.ico') reads.push(`${pathname}${search}`);
    });
    // Anything the person saw on the way: the session check, or a loader where the screen goes.
    await page.addInitScript(() => {
      const seen: string[] = [];
      Object.assign(window, { seenOnTheWay: seen });
      new MutationObserver(() => {
        if (document.body?.innerText.includes('Checking whether you are signed in') && !seen.includes('checking')) seen.push('checking');
        // A loader in the screen's place (the view's own, under its title while its orders come, is its content).
        if (document.querySelector('main .mantine-Loader-root') && !document.querySelector('main h2') && !seen.includes('loader')) seen.push('loader');
        // Nor the view's own loader: the first render waits for the first page's read (main.tsx), so it shows its answer.
        if (document.body?.innerText.includes('Loading orders') && !seen.includes('loading orders')) seen.push('loading orders');
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    const notificationsRead = page.waitForRequest((request) => new URL(request.url()).pathname === '/notifications/unread-count');

    await page.goto(`${url}/?view=orders&desk=all`);
    await page.getByText('No orders yet').waitFor();
    await notificationsRead;
    const count = (pattern: RegExp) => reads.filter((path) => pattern.test(path)).length;
    // The page carried the view's first page (api/designer-page.ts), which the screen showed first; it was
    // read before the live stream started, so the stream's start reads it once (nothing in between is missed).
    await expect.poll(() => count(/^\/orders\?/)).toBe(1);
    // The bell's read waits for its stream to open; a second read would come right behind the first.
    await page.waitForTimeout(1_000);

    expect(await page.evaluate(() => (window as unknown as { seenOnTheWay: string[] }).seenOnTheWay)).toEqual([]);
    expect(reads.filter((path) => path === '/auth/me')).toEqual([]);
    // The Orders view's code is part of the page's own: no chunk of its own to ask for.
    expect(await page.locator('head link[href*="/orders-view-"]').count()).toBe(0);
    // The work areas the rows name came with the page as well; the queues are read once.
    expect({
      queues: count(/^\/orders\/views$/),
      areas: count(/^\/work-areas$/),
      unread: count(/^\/notifications\/unread-count$/),
      newest: count(/^\/notifications\?/),
    }).toEqual({ queues: 1, areas: 0, unread: 1, newest: 1 });
    expect(reads.indexOf('/orders?limit=100')).toBeGreaterThan(reads.indexOf('/events'));
    expect(count(/^\/orders\?/)).toBe(1);
    await checkScreen(page, 'first-page-signed-in');
    await page.close();
  });

  it("paints a returning person's first page from the server, before any script runs, and the app takes it over without rendering it again", async () => {
    const { url, browser, h } = session!;
    const em = h.store.em.fork();
    for (let i = 0; i < 3; i++) {
      em.create(OrderRecord, { id: `server-${i}`, reference: `SRV-${i}`, account: 'ACME', kind: 'pick', statedPriority: 'normal', dueAt: new Date(hoursFromNow(3 + i)), workAreaId: h.workAreaId, lines: [{ sku: 'A-1', qty: 1, price: 1 }], state: 'queued' });
    }
    await em.flush();
    const page = await openPage(browser, { viewport: { width: 1400, height: 1000 } });
    const dan = DEMO_USERS.find((u) => u.username === 'dan')!;
    expect((await page.context().request.post(`${url}/auth/login`, { data: { username: dan.username, password: dan.password } })).ok()).toBe(true);
    // The first visit renders in the browser, and the app leaves the viewer cookie for the next.
    await page.goto(`${url}/?view=orders&desk=all`);
    await page.getByText('SRV-2').waitFor();
    const viewer = (await page.context().cookies()).find((c) => c.name === 'sluice-viewer');
    expect(viewer).toBeDefined();

    // The same person's browser with scripts off: only what the server rendered can be on screen.
    const noScript = await browser.newContext({ viewport: { width: 1400, height: 1000 }, javaScriptEnabled: false, storageState: await page.context().storageState() });
    const bare = await noScript.newPage();
    await bare.goto(`${url}/?view=orders&desk=all`);
    await expect.poll(() => bare.locator('[data-testid^="order-row-"]').count()).toBe(3);
    // Each row names its work area (the page carried the list), not the area's id.
    const areaName = (await h.store.em.fork().findOneOrFail(WorkAreaRecord, { id: h.workAreaId })).name;
    expect(await bare.getByTestId('order-row-server-0').innerText()).toContain(areaName);
    // (Nothing is evaluated in a page without scripts, axe neither: the app's own render of it is checked below.)
    mkdirSync(ARTIFACTS, { recursive: true });
    await bare.screenshot({ path: join(ARTIFACTS, 'first-page-from-the-server-no-script.png') });
    // Laid out by the lifted styles (Mantine's sizes are in them) as the app lays it out, measured below.
    const sizes = async (p: Page) => Promise.all(['[data-testid="order-row-server-0"]', '[data-testid="order-row-server-0"] .mantine-Badge-root', 'header'].map(async (selector) => (await p.locator(selector).first().boundingBox())?.height));
    const painted = await sizes(bare);
    await noScript.close();

    // With scripts: no error from React (a hydration mismatch is one), and the screen answers as the app.
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) errors.push(message.text());
    });
    // A row as the server sent it, taken before the app's script runs: hydrated, the app keeps that very element.
    await page.addInitScript(() =>
      document.addEventListener('readystatechange', () => {
        if (document.readyState === 'interactive') Object.assign(window, { serverRow: document.querySelector('[data-testid="order-row-server-1"]') });
      }),
    );
    await page.goto(`${url}/?view=orders&desk=all`);
    await page.getByText('SRV-2').waitFor();
    await page.getByTestId('order-row-server-1').click();
    await page.getByRole('dialog').getByText('SRV-1').first().waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await sizes(page)).toEqual(painted);
    await checkScreen(page, 'first-page-from-the-server');
    expect(await page.locator(`[${STYLE_INDEX_ATTRIBUTE}]`).count()).toBe(0);
    expect(await page.locator(`#${LIFTED_STYLES_ID}`).count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { serverRow: Element | null }).serverRow?.isConnected)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
