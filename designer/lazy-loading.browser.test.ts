import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../api/auth/bootstrap-users.ts';
import { openPage } from '../test/browser.ts';
import { hoursFromNow } from '../test/clock.ts';
import { openDesigner, type DesignerSession } from '../test/designer-session.ts';

/** The built app in Chromium: what each step fetches, and how it arrives. */
describe('the app loads in pieces, compressed', () => {
  let session: DesignerSession | undefined;
  let browser: Browser;
  let url: string;
  beforeAll(async () => {
    session = await openDesigner();
    ({ url, browser } = session);
  });
  afterAll(async () => {
    await session?.close();
  });

  /** Every asset the page fetches, with the coding it came in. */
  function watch(page: Page) {
    const fetched: { path: string; coding: string | undefined }[] = [];
    const cspViolations: string[] = [];
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (path.startsWith('/assets/')) fetched.push({ path, coding: response.headers()['content-encoding'] });
    });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    const named = (pattern: RegExp) => fetched.filter((asset) => pattern.test(asset.path));
    return { fetched, cspViolations, named };
  }

  it('the sign-in and then the orders table come without zod or the canvas; the drawer brings zod and its styles when opened, the password form zod', async () => {
    const { h } = session!;
    const posted = await fetch(`${url}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await h.auth('dispatcher')) },
      body: JSON.stringify({ reference: 'LAZY-1', account: 'ACME', dueAt: hoursFromNow(24), workAreaId: h.workAreaId, lines: [{ sku: 'SKU-1', qty: 1, price: 5 }] }),
    });
    expect(posted.status).toBe(201);

    const page = await openPage(browser, { viewport: { width: 1400, height: 1000 } });
    const seen = watch(page);
    await page.goto(url);
    await page.getByTestId('login-username').fill('dan');
    await page.getByTestId('login-password').fill(DEMO_USERS.find((u) => u.username === 'dan')!.password);
    expect(seen.named(/\/(zod|flow|rules-view)-/)).toEqual([]);
    expect(seen.named(/\/login-form-/)).toHaveLength(1);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('desk-filter').waitFor();
    expect(seen.named(/\/(zod|flow|rules-view)-/)).toEqual([]);

    // The next visit, signed in: index.html, the frame and the orders screen.
    seen.fetched.length = 0;
    await page.goto(url);
    await page.getByTestId('desk-filter').getByText('All', { exact: true }).click();
    await page.getByTestId('orders-table').getByText('LAZY-1').waitFor();
    expect(seen.named(/\/(zod|flow|rules-view|login-page)-/)).toEqual([]);
    // The view comes with the page's own script (app.tsx): it has no chunk of its own.
    expect(seen.named(/\/orders-view-[\w-]{8}\.js$/)).toEqual([]);
    // Chromium accepts brotli: the large assets come in it (a file under 1 KiB has no compressed copy).
    for (const main of [/\/index-[^/]+\.js$/, /\/index-[^/]+\.css$/, /\/react-/]) expect(seen.named(main).map((asset) => asset.coding)).toEqual(['br']);

    await page.getByTestId('orders-table').getByText('LAZY-1').click();
    await page.getByTestId('order-drawer').getByText('LAZY-1').first().waitFor();
    // zod's own chunk (its setup, shared with the forms that check input, may come in a chunk of its own beside it).
    expect(seen.named(/\/zod-[\w-]{8}\.js$/)).toHaveLength(1);
    // The styles of the Mantine components only the drawer shows (its timeline) come with it.
    expect(seen.named(/\/order-drawer-[^/]+\.css$/).map((asset) => asset.coding)).toEqual(['br']);
    await page.keyboard.press('Escape');

    await page.getByTestId('user-menu').click();
    await page.getByTestId('change-password').click();
    await page.getByTestId('password-current').waitFor();
    await page.keyboard.press('Escape');

    expect(seen.cspViolations).toEqual([]);
    await page.close();
  });
});
