import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../api/auth/bootstrap-users.ts';
import type { OrderSummary } from '../domain/order.ts';
import { checkScreen, openPage } from '../test/browser.ts';
import { completedOrder } from '../test/completed-order.ts';
import { openDesigner, type DesignerSession } from '../test/designer-session.ts';
import type { Harness } from '../test/sluice-harness.ts';
import { bundleWorkflows } from '../worker/create-worker.ts';

/** An order processor takes a customer's return from the order drawer through inspection and restock to a credit note. */
describe('a customer return in the browser', () => {
  let h: Harness;
  let browser: Browser;
  let url: string;
  let session: DesignerSession | undefined;
  let order: OrderSummary;
  beforeAll(async () => {
    session = await openDesigner({ wipLimit: 5 });
    ({ h, url, browser } = session);
    await h.startWorker(await bundleWorkflows());
    order = await completedOrder(h, { reference: 'RMA-LAMPS', account: 'ACME', warehouse: 'W1', lines: [{ sku: 'LAMP', qty: 6, price: 150 }] });
    expect((await h.request(`/orders/${order.id}/documents`, { method: 'POST', role: 'order_processor', body: JSON.stringify({ kind: 'invoice' }) })).status).toBe(201);
  }, 180_000);
  afterAll(async () => {
    await session?.close();
  });

  async function signIn(username: string, path: string): Promise<Page> {
    const page = await openPage(browser, { viewport: { width: 1400, height: 1000 } });
    await page.goto(`${url}${path}`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(DEMO_USERS.find((u) => u.username === username)!.password);
    await page.getByTestId('login-submit').click();
    return page;
  }

  it('starts a return from the order drawer and processes it to a credit note', { timeout: 240_000 }, async () => {
    const page = await signIn('paula', `/?view=orders&order=${order.id}`);
    const returns = page.getByTestId('order-drawer').getByTestId('order-returns');
    await returns.getByTestId('start-return').click();
    await returns.getByTestId('return-qty-LAMP').fill('2');
    await returns.getByTestId('return-reason-LAMP').click();
    await page.getByRole('option', { name: 'Defective' }).click();
    await returns.scrollIntoViewIfNeeded();
    await checkScreen(page, 'return-start-form');
    await returns.getByTestId('start-return-submit').click();
    await returns.getByTestId('return-started').getByText(/requested \(300\.00\); an order processor approves it/).waitFor();
    await checkScreen(page, 'return-started');
    await page.keyboard.press('Escape');

    await page.getByTestId('tab-returns').click();
    const table = page.getByTestId('returns-table');
    await table.getByText('RMA-LAMPS').waitFor();
    await checkScreen(page, 'returns-list');
    await table.getByRole('button', { name: /Open return/ }).first().click();
    const drawer = page.getByTestId('return-drawer');
    await drawer.getByTestId('return-state').getByText('Requested').waitFor();
    await checkScreen(page, 'return-drawer-requested', { fullPage: true });

    const steps: [string, string][] = [
      ['approve', 'Approved'],
      ['receive', 'Received'],
      ['inspect', 'Inspected'],
      ['restock', 'Restocked'],
      ['credit', 'Credited'],
    ];
    for (const [action, state] of steps) {
      await drawer.getByTestId(`return-action-${action}`).click();
      await drawer.getByTestId('return-state').getByText(state, { exact: true }).waitFor();
    }
    const note = drawer.getByTestId('return-credit-note');
    await expect(note.textContent()).resolves.toMatch(/Credit note CN-\d{4}-\d{6}/);
    await drawer.getByTestId('return-no-actions').getByText('This return is finished.').waitFor();
    await checkScreen(page, 'return-drawer-credited', { fullPage: true });

    const pdf = await page.request.get(`${url}${await note.getByRole('link').getAttribute('href')}`);
    expect(pdf.status()).toBe(200);
    await page.keyboard.press('Escape');
    await page.getByTestId('returns-state-filter').click();
    await page.getByRole('option', { name: 'Credited' }).click();
    await table.getByText('Credited').waitFor();
    await page.close();
  });

  it('finance sees a return above the threshold waiting for it; the order processor cannot approve it', { timeout: 120_000 }, async () => {
    const requested = await h.request(`/orders/${order.id}/returns`, { method: 'POST', role: 'order_processor', body: JSON.stringify({ lines: [{ sku: 'LAMP', qty: 4, reason: 'damaged' }] }) });
    expect(requested.status).toBe(201);
    const { id } = (await requested.json()) as { id: string };

    const processor = await signIn('paula', '/?view=returns');
    await processor.getByTestId(`return-open-${id}`).click();
    await processor.getByTestId('return-drawer').getByTestId('return-waiting-finance').waitFor();
    expect(await processor.getByTestId('return-action-approve').count()).toBe(0);
    await processor.close();

    const finance = await signIn('fred', '/?view=returns');
    await finance.getByTestId(`return-open-${id}`).click();
    const drawer = finance.getByTestId('return-drawer');
    await drawer.getByTestId('return-action-approve').waitFor();
    await checkScreen(finance, 'return-drawer-finance', { fullPage: true });
    await drawer.getByTestId('return-action-approve').click();
    await drawer.getByTestId('return-state').getByText('Approved', { exact: true }).waitFor();
    await finance.close();
  });
});
