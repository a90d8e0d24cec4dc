import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKS, type Desk } from '../domain/order-desks.ts';
import type { NewOrder, OrderState, OrderSummary } from '../domain/order.ts';
import type { Role } from '../domain/roles.ts';
import { checkScreen } from '../test/browser.ts';
import { hoursFromNow } from '../test/clock.ts';
import { openDesigner, type DesignerSession } from '../test/designer-session.ts';
import { focusOn, signInByKeyboard, tabTo } from '../test/keyboard.ts';
import type { Harness } from '../test/sluice-harness.ts';
import { bundleWorkflows } from '../worker/create-worker.ts';
import { DESK_LABELS } from './src/orders/desks.ts';

/**
 * The main job of the desks the dispatcher's and ops manager's paths (accessibility.browser.test.ts) do
 * not cover, by keyboard alone: Tab, Shift+Tab, Enter, the arrow keys, Escape and typing, never a click.
 * Each step asserts where the focus is, so a focus dropped to the page body fails here.
 */
describe('the desks by keyboard', () => {
  let h: Harness;
  let browser: Browser;
  let url: string;
  let session: DesignerSession | undefined;
  const orders: Record<string, string> = {};

  beforeAll(async () => {
    session = await openDesigner({ wipLimit: 10 });
    ({ h, url, browser } = session);
    await h.startWorker(await bundleWorkflows());
    const post = async (reference: string, order: Partial<NewOrder> = {}) => {
      const body = { reference, account: 'ACME', dueAt: hoursFromNow(8), workAreaId: h.workAreaId, lines: [{ sku: 'SKU-1', qty: 2, price: 30 }], ...order };
      const posted = await h.request('/orders', { method: 'POST', body: JSON.stringify(body) });
      expect(posted.status).toBe(201);
      return (orders[reference] = ((await posted.json()) as OrderSummary).id);
    };
    const act = async (id: string, role: Role, body: Record<string, unknown>, state: OrderState) => {
      const res = await h.request(`/orders/${id}/actions`, { method: 'POST', role, body: JSON.stringify(body) });
      expect(res.status).toBe(200);
      await h.reach(id, state);
    };
    await h.reach(await post('KEY-MAJOR', { account: 'Globex', accountTier: 'major' }), 'specialist_review');
    await h.reach(await post('KEY-SPLIT', { account: 'Globex', accountTier: 'major', lines: [{ sku: 'SKU-1', qty: 2, price: 30 }, { sku: 'SKU-2', qty: 1, price: 80 }] }), 'specialist_review');
    await h.reach(await post('KEY-ADDRESS', { kind: 'delivery', checks: { addressVerified: false } }), 'on_hold');
    await h.reach(await post('KEY-CREDIT', { paymentMode: 'credit_terms', checks: { creditBalance: 12_000, creditLimit: 10_000 } }), 'on_hold');
    const cod = await post('KEY-COD', { kind: 'delivery', paymentMode: 'cod', checks: { addressVerified: true } });
    await h.reach(cod, 'assigned');
    await act(cod, 'dispatcher', { action: 'pick_up' }, 'picked_up');
    await act(cod, 'dispatcher', { action: 'depart' }, 'in_transit');
    await act(cod, 'dispatcher', { action: 'deliver', amount: 60 }, 'awaiting_remit');
  });
  afterAll(async () => {
    await session?.close();
  });

  const row = (reference: string) => `[data-testid="order-row-${orders[reference]}"]`;

  /** From the main heading to the order's row, Enter opens its drawer. */
  async function openOrder(page: Page, reference: string) {
    await tabTo(page, row(reference));
    await page.keyboard.press('Enter');
    const drawer = page.getByTestId('order-drawer');
    await drawer.getByRole('heading', { name: `Order ${reference}` }).waitFor();
    return drawer;
  }

  /** Runs the action whose button the keyboard reaches; the focus goes on from its result, not from the page body. */
  async function runAction(page: Page, action: string) {
    await tabTo(page, `[data-testid="action-${action}"]`);
    await page.keyboard.press('Enter');
    await focusOn(page, 'action-done');
  }

  /** Escape closes the drawer; the focus goes back to the row, or to the desk's count when the order left the desk. */
  async function closeDrawer(page: Page, reference: string, { leftDesk }: { leftDesk: boolean }) {
    // The list behind the drawer has taken the action in before the drawer closes.
    if (leftDesk) await page.locator(row(reference)).waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    await page.getByTestId('order-drawer').waitFor({ state: 'detached' });
    await focusOn(page, leftDesk ? 'desk-count' : `order-row-${orders[reference]}`);
  }

  /** Moves along the desk filter with the arrow keys to the desk named. */
  async function toDesk(page: Page, desk: Desk, { back = false } = {}) {
    await tabTo(page, '[data-testid="desk-filter"] input:checked', { back });
    for (let step = 0; step < DESKS.length && (await page.getByTestId('desk-filter').getAttribute('data-desk')) !== desk; step++) await page.keyboard.press('ArrowRight');
    await page.locator(`[data-testid="desk-filter"][data-desk="${desk}"]`).waitFor();
    // The count names the desk once its orders are in (the desk for all goes without a name).
    if (desk !== 'all') await page.getByTestId('desk-count').getByText(`on the ${DESK_LABELS[desk]} desk`, { exact: false }).waitFor();
  }

  it('an order specialist claims and approves a major account order from the specialist review desk', async () => {
    const page = await signInByKeyboard(browser, url, 'sofia');
    await page.getByTestId('desk-count').getByText('on the Specialist review desk', { exact: false }).waitFor();
    // People read the order's reference and account; its id is for support, one press away, not on show.
    const id = orders['KEY-MAJOR']!;
    expect(await page.locator(row('KEY-MAJOR')).textContent()).not.toContain(id);
    const drawer = await openOrder(page, 'KEY-MAJOR');
    await drawer.getByText('for Globex').waitFor();
    expect(await drawer.textContent()).not.toContain(id);
    expect(await drawer.getByTestId('copy-order-id').getAttribute('title')).toBe(id);
    await runAction(page, 'claim');
    await drawer.getByTestId('order-timeline').getByText('Claimed for review by Sofia Lind.').waitFor();
    // The claimer is offered to release the claim and to review it, not to claim it again.
    await drawer.getByTestId('action-unclaim').waitFor();
    expect(await drawer.getByTestId('action-claim').count()).toBe(0);
    await checkScreen(page, 'keyboard-specialist-claimed');

    await tabTo(page, '[data-testid="action-reason"]', { back: true });
    await page.keyboard.type('Checked with the account manager');
    await runAction(page, 'approve');
    await drawer.getByTestId('order-timeline').getByText('Approved by Sofia Lind: checked with the account manager.').waitFor();
    await drawer.locator('[data-state="specialist_review"]').waitFor({ state: 'detached' });
    await checkScreen(page, 'keyboard-specialist-approved');
    await closeDrawer(page, 'KEY-MAJOR', { leftDesk: true });
    await checkScreen(page, 'keyboard-specialist-desk-after');
    await page.close();
  });

  it('an order specialist splits a major account order, and its part names the order it came from', async () => {
    const page = await signInByKeyboard(browser, url, 'sofia');
    const drawer = await openOrder(page, 'KEY-SPLIT');
    await runAction(page, 'claim');
    // The second line goes to the second part: a native select takes the arrow keys.
    await tabTo(page, '[data-testid="split-line-1"]');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByTestId('split-line-1').inputValue()).toBe('2');
    await runAction(page, 'split');
    await drawer.getByTestId('order-finished').getByText('Split into parts', { exact: false }).waitFor();
    await checkScreen(page, 'keyboard-specialist-split');
    await closeDrawer(page, 'KEY-SPLIT', { leftDesk: true });

    await toDesk(page, 'all', { back: true });
    const part = page.getByTestId('orders-table').locator('tr', { hasText: 'KEY-SPLIT/2' });
    const partRow = await part.getAttribute('data-testid');
    await tabTo(page, `[data-testid="${partRow}"]`);
    await page.keyboard.press('Enter');
    await page.getByTestId('order-drawer').getByTestId('order-parent').getByText('KEY-SPLIT', { exact: true }).waitFor();
    await checkScreen(page, 'keyboard-specialist-split-part');
    await page.keyboard.press('Escape');
    await focusOn(page, partRow!);
    await page.close();
  });

  it('an order is verified by keyboard: its delivery address checked, the hold released from the exceptions desk', async () => {
    // Sluice has no order processor role yet (#19): releasing an address hold is a specialist's or a dispatcher's.
    const page = await signInByKeyboard(browser, url, 'sofia');
    await toDesk(page, 'exceptions');
    const drawer = await openOrder(page, 'KEY-ADDRESS');
    await drawer.getByTestId('order-holds').getByText('The delivery address is not verified', { exact: false }).waitFor();
    await tabTo(page, '[data-testid="action-reason"]');
    await page.keyboard.type('Address confirmed with the customer');
    await runAction(page, 'release_hold');
    await drawer.getByTestId('order-timeline').getByText('Address hold cleared by Sofia Lind: address confirmed with the customer.').waitFor();
    await drawer.locator('[data-state="on_hold"]').waitFor({ state: 'detached' });
    await checkScreen(page, 'keyboard-address-verified');
    await closeDrawer(page, 'KEY-ADDRESS', { leftDesk: true });
    await checkScreen(page, 'keyboard-exceptions-desk-after');
    await page.close();
  });

  it('finance confirms a cash-on-delivery remit and releases a credit hold', async () => {
    const page = await signInByKeyboard(browser, url, 'fred');
    await page.getByTestId('desk-count').getByText('on the Remit desk', { exact: false }).waitFor();
    const remit = await openOrder(page, 'KEY-COD');
    await tabTo(page, '[data-testid="action-amount"]');
    await page.keyboard.type('60');
    await runAction(page, 'confirm_remit');
    await remit.getByTestId('order-finished').waitFor();
    await remit.getByTestId('order-timeline').getByText('Cash confirmed by Fred Marsh: 60.').waitFor();
    await checkScreen(page, 'keyboard-finance-remit-confirmed');
    await closeDrawer(page, 'KEY-COD', { leftDesk: true });

    await toDesk(page, 'exceptions', { back: true });
    const credit = await openOrder(page, 'KEY-CREDIT');
    await tabTo(page, '[data-testid="action-reason"]');
    await page.keyboard.type('Payment received');
    await runAction(page, 'release_hold');
    await credit.getByTestId('order-timeline').getByText('Credit hold cleared by Fred Marsh: payment received.').waitFor();
    await credit.locator('[data-state="on_hold"]').waitFor({ state: 'detached' });
    await checkScreen(page, 'keyboard-finance-credit-released');
    await closeDrawer(page, 'KEY-CREDIT', { leftDesk: true });
    await checkScreen(page, 'keyboard-finance-desk-after');
    await page.close();
  });
});
