import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderListItem, OrderSummary } from '../domain/order.ts';
import { WorkAreaRecord } from '../store/work-area.entity.ts';
import { checkScreen } from '../test/browser.ts';
import { hoursFromNow } from '../test/clock.ts';
import { openDesigner, type DesignerSession } from '../test/designer-session.ts';
import { focused, signInByKeyboard } from '../test/keyboard.ts';
import type { Harness } from '../test/sluice-harness.ts';
import { fromLocalInput, toLocalInput } from './src/format/local-date-time.ts';

/**
 * A dispatcher takes orders by hand on the Orders screen: the form checks them with the API's own schema
 * before sending, and its Idempotency-Key makes a double click or a retry after a timeout one order.
 */
describe('order entry in the app', () => {
  let h: Harness;
  let browser: Browser;
  let url: string;
  let session: DesignerSession | undefined;
  const lines = ['line-a', 'line-b'];

  beforeAll(async () => {
    session = await openDesigner();
    ({ h, url, browser } = session);
    const em = h.store.em.fork();
    for (const id of lines) em.create(WorkAreaRecord, { id: `${id}-${h.workAreaId}`, name: `Press ${id.slice(-1).toUpperCase()}`, kind: 'production_line', wipLimit: 5 });
    await em.flush();
  });
  afterAll(async () => {
    await session?.close();
  });

  /** The orders whose reference is `reference`, as the API lists them. */
  const ordersCalled = async (reference: string) =>
    ((await (await h.request(`/orders?q=${encodeURIComponent(reference)}`)).json()) as { orders: OrderListItem[] }).orders.filter((o) => o.reference === reference);

  async function openForm(page: Page) {
    await page.getByTestId('new-order').click();
    const form = page.getByTestId('new-order-drawer');
    await form.getByTestId('entry-account').waitFor();
    return form;
  }

  async function pick(page: Page, testId: string, option: string) {
    await page.getByTestId(testId).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  async function typeLine(page: Page, n: number, sku: string, qty: string, price: string) {
    await page.getByTestId(`entry-line-${n}-sku`).fill(sku);
    await page.getByTestId(`entry-line-${n}-qty`).fill(qty);
    await page.getByTestId(`entry-line-${n}-price`).fill(price);
  }

  /** The form closes, the notice names the order and has the focus, and the order is in the table. */
  async function expectTaken(page: Page, reference: string) {
    await page.getByTestId('new-order-drawer').waitFor({ state: 'detached' });
    await page.getByTestId('order-taken').getByText(`Order ${reference} taken`).waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'order-taken-open');
    await page.getByTestId('orders-table').getByText(reference, { exact: true }).waitFor();
  }

  it('a dispatcher takes a pick order with two lines, told first of the missing due time and the empty line; a double click takes one order', async () => {
    const page = await signInByKeyboard(browser, url, 'dan');
    const form = await openForm(page);
    await checkScreen(page, 'order-entry-empty');

    await form.getByTestId('entry-reference').fill('ENTRY-PICK');
    await form.getByTestId('entry-account').fill('ACME');
    await typeLine(page, 1, 'SKU-1', '2', '10');
    await form.getByTestId('entry-add-line').click();
    await form.getByTestId('entry-submit').click();
    await form.getByText('Give the due date and time.').waitFor();
    await form.getByTestId('entry-line-2').getByText('Give the SKU.').waitFor();
    await form.getByTestId('entry-lines-problems').getByText('1 line needs attention: 2').waitFor();
    // The keyboard is taken to the first field to fix.
    expect((await focused(page)).testId).toBe('entry-due');
    await checkScreen(page, 'order-entry-errors');

    const due = toLocalInput(hoursFromNow(24));
    await form.getByTestId('entry-due').fill(due);
    // The areas that work pick orders come first.
    await form.getByTestId('entry-work-area').click();
    await page.getByText('For pick orders', { exact: true }).waitFor();
    await page.getByRole('option', { name: `Test area ${h.workAreaId.slice('test-'.length)} (Pick zone)`, exact: true }).click();
    await typeLine(page, 2, 'SKU-2', '1', '5.5');
    // A fixed field loses its message at once.
    await form.getByText('Give the due date and time.').waitFor({ state: 'detached' });
    await form.getByTestId('entry-submit').dblclick();
    await expectTaken(page, 'ENTRY-PICK');
    await checkScreen(page, 'order-entry-created');

    const taken = await ordersCalled('ENTRY-PICK');
    expect(taken).toHaveLength(1);
    const order = (await (await h.request(`/orders/${taken[0]!.id}`)).json()) as OrderSummary;
    expect(order).toMatchObject({ kind: 'pick', account: 'ACME', workAreaId: h.workAreaId, lines: [{ sku: 'SKU-1', qty: 2, price: 10 }, { sku: 'SKU-2', qty: 1, price: 5.5 }] });
    // The due time typed, in the browser's zone (the test's own), to the minute the input holds.
    expect(Date.parse(order.dueAt)).toBe(Date.parse(fromLocalInput(due)!));

    // The notice's link opens the order.
    await page.keyboard.press('Enter');
    await page.getByTestId('order-drawer').getByRole('heading', { name: 'Order ENTRY-PICK' }).waitFor();
    await page.close();
  });

  it('a cash-on-delivery order names its carrier type and the cash to collect, refused first for fractions of a cent; the drawer shows both', async () => {
    const page = await signInByKeyboard(browser, url, 'dan');
    const form = await openForm(page);
    await form.getByTestId('entry-reference').fill('ENTRY-COD');
    await form.getByTestId('entry-account').fill('Globex');
    await pick(page, 'entry-kind', 'Delivery');
    await form.getByTestId('entry-due').fill(toLocalInput(hoursFromNow(6)));
    await pick(page, 'entry-work-area', `Test area ${h.workAreaId.slice('test-'.length)} (Pick zone)`);
    await typeLine(page, 1, 'PARCEL-1', '1', '60');
    // The amount to collect is asked only for cash on delivery.
    expect(await form.getByTestId('entry-cod-amount').count()).toBe(0);
    await pick(page, 'entry-payment', 'Cash on delivery');
    await form.getByTestId('entry-cod-amount').fill('45.505');
    await pick(page, 'entry-carrier-type', 'Prime');
    expect(await form.getByTestId('entry-pickup-point').count()).toBe(0);
    await form.getByTestId('entry-dropoff-point').fill('51.92, 4.48');
    await form.getByTestId('entry-submit').click();
    await form.getByText('The COD amount has at most two decimals (cents)').waitFor();
    await checkScreen(page, 'order-entry-cod-error');
    await form.getByTestId('entry-cod-amount').fill('45.50');
    await form.getByText('The COD amount has at most two decimals (cents)').waitFor({ state: 'detached' });
    await checkScreen(page, 'order-entry-cod');
    await form.getByTestId('entry-submit').click();
    await expectTaken(page, 'ENTRY-COD');

    const taken = await ordersCalled('ENTRY-COD');
    expect(taken).toHaveLength(1);
    expect(taken[0]).toMatchObject({ kind: 'delivery', paymentMode: 'cod', carrierType: 'prime', codAmount: 45.5, dropoffLocation: { lat: 51.92, lng: 4.48 }, pickupLocation: null });

    await page.keyboard.press('Enter');
    const drawer = page.getByTestId('order-drawer');
    await drawer.getByRole('heading', { name: 'Order ENTRY-COD' }).waitFor();
    expect(await drawer.getByTestId('order-carrier-type').textContent()).toBe('Prime');
    expect(await drawer.getByTestId('order-cod-amount').textContent()).toMatch(/^45[.,]50$/);
    expect(await drawer.getByTestId('order-dropoff-point').textContent()).toBe('51.92000, 4.48000');
    await checkScreen(page, 'order-entry-cod-drawer');
    await page.close();
  });

  it('hundreds of lines pasted from a spreadsheet fill the table a page at a time, and stay editable', async () => {
    const page = await signInByKeyboard(browser, url, 'dan');
    const form = await openForm(page);
    const rows = Array.from({ length: 250 }, (_, i) => `SKU-${i + 1}\t${i + 1}\t2.5`).join('\n');
    await form.getByTestId('entry-line-1-sku').focus();
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, rows);
    await form.getByTestId('entry-lines-pages-range').getByText('1–100 of 250 lines').waitFor();
    expect(await form.getByTestId('entry-line-100-qty').inputValue()).toBe('100');
    await form.getByTestId('entry-lines-pages').getByRole('button', { name: '3' }).click();
    await form.getByTestId('entry-line-250-qty').fill('0');
    await form.getByTestId('entry-submit').click();
    await form.getByTestId('entry-line-250').getByText('Qty must be at least 1').waitFor();
    await form.getByTestId('entry-lines-problems').getByText('1 line needs attention: 250').waitFor();
    await checkScreen(page, 'order-entry-pasted');
    await page.close();
  });

  it('a production order with a routing is taken once when its answer is lost and the dispatcher tries again', async () => {
    const page = await signInByKeyboard(browser, url, 'dan');
    const form = await openForm(page);
    await form.getByTestId('entry-reference').fill('ENTRY-PROD');
    await form.getByTestId('entry-account').fill('Initech');
    await pick(page, 'entry-kind', 'Production');
    await form.getByTestId('entry-due').fill(toLocalInput(hoursFromNow(48)));
    await typeLine(page, 1, 'PANEL-7', '40', '12');
    await form.getByTestId('entry-add-step').click();
    await form.getByTestId('entry-add-step').click();
    await form.getByTestId('entry-submit').click();
    await form.getByTestId('entry-step-1').getByText('Choose a work area.').waitFor();
    await pick(page, 'entry-step-1-area', 'Press A (Production line)');
    await form.getByTestId('entry-step-1-hours').fill('2');
    await pick(page, 'entry-step-2-area', 'Press B (Production line)');
    await form.getByTestId('entry-step-2-hours').fill('1.5');
    await checkScreen(page, 'order-entry-production');

    // Only the server knows a routing must start where the order waits: its refusal shows in the form and at the step.
    await pick(page, 'entry-work-area', `Test area ${h.workAreaId.slice('test-'.length)} (Pick zone)`);
    await form.getByTestId('entry-submit').click();
    await form.getByTestId('entry-failure').getByText("A routing starts at the order's work area", { exact: false }).waitFor();
    await form.getByTestId('entry-step-1').getByText("Not the order's work area").waitFor();
    await checkScreen(page, 'order-entry-refused');
    await pick(page, 'entry-work-area', 'Press A (Production line)');

    // The server takes the order, but its answer never reaches the browser: a timeout, as the dispatcher sees it.
    const keys: string[] = [];
    await page.route('**/orders', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      keys.push((await route.request().headerValue('idempotency-key')) ?? '');
      await route.fetch();
      await route.abort('timedout');
    });
    await form.getByTestId('entry-submit').click();
    await form.getByTestId('entry-failure').getByText('No answer from Sluice').waitFor();
    await checkScreen(page, 'order-entry-timed-out');
    await page.unrouteAll();
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/orders') keys.push(request.headers()['idempotency-key'] ?? '');
    });
    await form.getByTestId('entry-submit').click();
    await expectTaken(page, 'ENTRY-PROD');

    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^app-[0-9a-f]{32}$/);
    expect(keys[1]).toBe(keys[0]);
    const taken = await ordersCalled('ENTRY-PROD');
    expect(taken).toHaveLength(1);
    expect(taken[0]).toMatchObject({ kind: 'production', workAreaId: `line-a-${h.workAreaId}`, routing: [{ workAreaId: `line-a-${h.workAreaId}`, hours: 2 }, { workAreaId: `line-b-${h.workAreaId}`, hours: 1.5 }] });

    // The next order entered is a new one: the key is the form's, made when it opens.
    const next = await openForm(page);
    expect(await next.getByTestId('entry-reference').inputValue()).toBe('');
    // Escape leaves the form, and the keyboard goes on from the button that opened it.
    await page.keyboard.press('Escape');
    await next.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'new-order');
    await page.close();
  });
});
