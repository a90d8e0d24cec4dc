import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../api/auth/bootstrap-users.ts';
import { checkScreen, openPage } from '../test/browser.ts';
import { hoursFromNow } from '../test/clock.ts';
import { openDesigner, type DesignerSession } from '../test/designer-session.ts';
import type { Harness } from '../test/sluice-harness.ts';

/** More than a page (100 rows) of orders whose reference starts alike, a few of them urgent. */
const SEEDED = 130;
const reference = (i: number) => `TBL-${String(i).padStart(3, '0')}`;
const urgent = (i: number) => i % 10 === 0;
/** A loaded machine may take a while to debounce, ask and render: each wait is for an outcome, not a time. */
const WAIT = { timeout: 20_000 };

/** The orders table asks the server for everything; every view and every order has a URL. */
describe('the orders table in a browser', () => {
  let session: DesignerSession | undefined;
  let h: Harness;
  let url: string;
  let browser: Browser;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    session = await openDesigner();
    ({ h, url, browser } = session);
    const orders = Array.from({ length: SEEDED }, (_, n) => {
      const i = n + 1;
      return { idempotencyKey: `tbl-${i}`, order: { reference: reference(i), account: 'ACME', statedPriority: urgent(i) ? 'urgent' : 'normal', dueAt: hoursFromNow(2 + (i % 7)), workAreaId: h.workAreaId, lines: [{ sku: 'SKU-1', qty: 1, price: 5 }] } };
    });
    const other = { idempotencyKey: 'tbl-other', order: { reference: 'OTHER-1', account: 'ZED', dueAt: hoursFromNow(3), workAreaId: h.workAreaId, lines: [{ sku: 'SKU-2', qty: 1, price: 5 }] } };
    const res = await h.request('/orders/batch', { method: 'POST', body: JSON.stringify({ orders: [...orders, other] }) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { results: { orderId: string }[] };
    body.results.forEach((result, n) => ids.set(reference(n + 1), result.orderId));
  });
  afterAll(async () => {
    await session?.close();
  });

  async function signIn(path: string): Promise<Page> {
    const p = await openPage(browser, { viewport: { width: 1400, height: 1000 } });
    await p.goto(`${url}/${path}`);
    await p.getByTestId('login-username').fill('dan');
    await p.getByTestId('login-password').fill(DEMO_USERS.find((u) => u.username === 'dan')!.password);
    await p.getByTestId('login-submit').click();
    await p.getByTestId('user-menu').waitFor();
    return p;
  }
  const count = (page: Page) => page.getByTestId('desk-count');
  const firstRow = (page: Page) => page.getByTestId('orders-table').locator('tbody tr').first();
  const query = (page: Page) => new URLSearchParams(new URL(page.url()).search);

  it('searches, sorts by a header and pages with next and previous', async () => {
    const page = await signIn('?view=orders&desk=all');
    await expect.poll(() => count(page).textContent(), WAIT).toBe(`${SEEDED + 1} orders`);
    await page.getByTestId('order-search').fill('tbl-');
    await expect.poll(() => count(page).textContent(), WAIT).toBe(`${SEEDED} orders`);
    expect(query(page).get('q')).toBe('tbl-');
    await page.mouse.move(0, 0);
    await checkScreen(page, 'orders-table-search');
    await page.getByTestId('sort-reference').getByRole('button').click();
    await expect.poll(() => page.getByTestId('sort-reference').getAttribute('aria-sort'), WAIT).toBe('ascending');
    await expect.poll(() => firstRow(page).textContent(), WAIT).toContain(reference(1));
    // The keyboard sorts too: Enter on the header's button turns the order round.
    await page.getByTestId('sort-reference').getByRole('button').press('Enter');
    await expect.poll(() => firstRow(page).textContent(), WAIT).toContain(reference(SEEDED));
    expect(query(page).get('dir')).toBe('desc');
    await page.getByTestId('sort-reference').getByRole('button').click();
    await expect.poll(() => firstRow(page).textContent(), WAIT).toContain(reference(1));
    await page.mouse.move(0, 0);
    await checkScreen(page, 'orders-table-search-sort');

    await page.getByTestId('page-next').click();
    await expect.poll(() => firstRow(page).textContent(), WAIT).toContain(reference(101));
    expect(await page.getByTestId('orders-table').locator('tbody tr').count()).toBe(SEEDED - 100);
    expect(query(page).get('cursor')).toBeTruthy();
    await page.getByTestId('page-prev').click();
    await expect.poll(() => firstRow(page).textContent(), WAIT).toContain(reference(1));
    // Back goes to the page after again, as the URL had it.
    await page.goBack();
    await expect.poll(() => firstRow(page).textContent(), WAIT).toContain(reference(101));
    await page.close();
  });

  it('shows a filter as a chip, and removing the chip removes the filter', async () => {
    const page = await signIn('?view=orders&desk=all&q=TBL-&priority=urgent');
    const urgentCount = Array.from({ length: SEEDED }, (_, n) => n + 1).filter(urgent).length;
    await expect.poll(() => count(page).textContent(), WAIT).toBe(`${urgentCount} orders`);
    const chip = page.getByTestId('chip-priority');
    expect(await chip.textContent()).toContain('Urgent');
    await page.mouse.move(0, 0);
    await checkScreen(page, 'orders-table-filter-chip');
    // Every filter is in one popover, each field labelled; picking a queue adds its chip.
    await page.getByTestId('filters-button').click();
    await page.getByTestId('filters').getByLabel('Zone').waitFor();
    await page.mouse.move(0, 0);
    await checkScreen(page, 'orders-table-filters');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /Remove the filter Stated priority/ }).click();
    await expect.poll(() => count(page).textContent(), WAIT).toBe(`${SEEDED} orders`);
    expect(query(page).has('priority')).toBe(false);
    await page.close();
  });

  it('saves a view, and its URL opens the same view in a fresh page', async () => {
    const page = await signIn('?view=orders&desk=all&q=TBL-&priority=urgent&sort=due&dir=asc');
    await page.getByTestId('chip-priority').waitFor();
    await page.getByTestId('saved-views-button').click();
    await page.getByTestId('saved-view-name').fill('Urgent tables');
    await page.getByTestId('saved-view-save').click();
    await page.getByTestId('saved-view-Urgent tables').waitFor();
    await page.mouse.move(0, 0);
    await checkScreen(page, 'orders-table-saved-views');
    await page.keyboard.press('Escape');
    await page.close();

    // Another day, another browser: the person opens the view from their menu, and the URL it sets opens it again.
    const fresh = await signIn('?view=orders&desk=all');
    await fresh.getByTestId('saved-views-button').click();
    await fresh.getByTestId('saved-view-Urgent tables').click();
    await fresh.getByTestId('chip-priority').waitFor();
    const href = fresh.url();
    expect(query(fresh).get('sort')).toBe('due');
    const pasted = await signIn(new URL(href).search);
    await pasted.getByTestId('chip-priority').waitFor();
    expect(await pasted.getByTestId('order-search').inputValue()).toBe('TBL-');
    await expect.poll(() => pasted.getByTestId('sort-due').getAttribute('aria-sort'), WAIT).toBe('ascending');
    await fresh.close();
    await pasted.close();
  });

  it('opens an order by its URL', async () => {
    const id = ids.get(reference(7))!;
    const page = await signIn(`?view=orders&order=${id}`);
    const drawer = page.getByTestId('order-drawer');
    await drawer.waitFor();
    expect(await drawer.getAttribute('data-order-id')).toBe(id);
    await drawer.getByText(reference(7)).first().waitFor();
    await page.mouse.move(0, 0);
    await checkScreen(page, 'orders-table-order-by-url');
    await page.keyboard.press('Escape');
    await expect.poll(() => query(page).has('order'), WAIT).toBe(false);
    await page.close();
  });

  it('chooses the columns, and remembers the choice for the person', async () => {
    const page = await signIn('?view=orders&desk=all&q=TBL-');
    const headers = page.getByTestId('orders-table').locator('thead');
    await headers.getByText('Account').waitFor();
    await page.getByTestId('columns-button').click();
    await page.getByTestId('column-account').click();
    await page.getByTestId('column-created').click();
    await expect.poll(() => headers.textContent(), WAIT).not.toContain('Account');
    expect(await headers.textContent()).toContain('Taken');
    await page.mouse.move(0, 0);
    await checkScreen(page, 'orders-table-columns');
    await page.keyboard.press('Escape');
    // The choice outlives the URL: the plain Orders link shows the same columns.
    await page.goto(`${url}/?view=orders&desk=all`);
    await page.getByTestId('orders-table').waitFor();
    expect(await headers.textContent()).not.toContain('Account');
    expect(await headers.textContent()).toContain('Taken');
    await page.close();
  });

  it('takes ticked rows, or every matching order, to the bulk screen', async () => {
    const page = await signIn('?view=orders&desk=all&q=TBL-&sort=reference&dir=asc');
    await expect.poll(() => firstRow(page).textContent(), WAIT).toContain(reference(1));
    await page.getByTestId(`select-${ids.get(reference(1))}`).check();
    await page.getByTestId(`select-${ids.get(reference(2))}`).check();
    await page.getByTestId('bulk-action').click();
    await expect.poll(() => query(page).get('view'), WAIT).toBe('bulk');
    expect(query(page).get('orders')).toBe(`${ids.get(reference(1))},${ids.get(reference(2))}`);

    await page.goto(`${url}/?view=orders&desk=all&q=TBL-&sort=reference&dir=asc`);
    await page.getByTestId('select-page').check();
    await page.getByTestId('select-all-matching').click();
    await expect.poll(() => page.getByTestId('selection-count').textContent(), WAIT).toBe(`All ${SEEDED} orders matching selected`);
    await page.mouse.move(0, 0);
    await checkScreen(page, 'orders-table-selection');
    await page.getByTestId('bulk-action').click();
    await expect.poll(() => query(page).get('filter'), WAIT).toBe('q=TBL-&sort=reference&dir=asc');
    await page.close();
  });
});
