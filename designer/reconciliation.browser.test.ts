import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../api/auth/bootstrap-users.ts';
import { dayBounds, yesterdayIn } from '../domain/reconciliation/site-day.ts';
import { issueDocument, issueKeyOf } from '../store/documents/issue-documents.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { projectTransition } from '../store/order-transition.ts';
import { checkScreen, openPage } from '../test/browser.ts';
import { openDesigner, type DesignerSession } from '../test/designer-session.ts';

const SITE = 'NORTH';
const ZONE = 'Europe/Amsterdam';
const HOUR = 3_600_000;

/**
 * Finance closes yesterday at a site: the discrepancies seeded in it are listed with links to their orders,
 * the day is signed off (the order processor reads it, and may not sign), then reopened with a reason.
 */
describe('end-of-day reconciliation in the browser', () => {
  let session: DesignerSession | undefined;
  let browser: Browser;
  let url: string;
  const day = yesterdayIn(new Date(), ZONE);

  beforeAll(async () => {
    session = await openDesigner();
    ({ url, browser } = session);
    const { h } = session;
    await h.store.em.fork().getConnection().execute('update work_areas set warehouse = ?, time_zone = ? where id = ?', [SITE, ZONE, h.workAreaId]);
    const { from } = dayBounds(day, ZONE);
    const inDay = (hours: number) => new Date(from.getTime() + hours * HOUR);
    const em = h.store.em.fork();
    const order = (id: string, codAmount: number | null) =>
      em.create(OrderRecord, { id, reference: id, account: 'ACME', kind: 'delivery', statedPriority: 'normal', dueAt: inDay(20), workAreaId: h.workAreaId, warehouse: SITE, lines: [{ sku: 'A', qty: 1, price: 60 }], orderValue: 60, paymentMode: codAmount === null ? 'prepaid' : 'cod', codAmount, state: 'in_transit', assignee: 'Dana Driver' });
    order('EOD-SHORT', 60);
    order('EOD-OPEN', 40);
    order('EOD-UNSHIPPED', null);
    await em.flush();
    for (const id of ['EOD-SHORT', 'EOD-OPEN', 'EOD-UNSHIPPED']) await em.getConnection().execute('update orders set created_at = ? where id = ?', [inDay(7), id]);
    const move = (orderId: string, from: string, to: string, hours: number, event: string, amount?: number) =>
      h.store.em.fork().transactional((tx) => projectTransition(tx, { key: `${orderId}-${to}`, orderId, from: from as never, to: to as never, event, actor: 'test', reason: null, priorityScore: null, escalation: null, holds: [], assignee: 'Dana Driver', data: amount === undefined ? null : { amount } }, inDay(hours)));
    await move('EOD-SHORT', 'in_transit', 'delivered', 9, 'DELIVER', 60);
    await move('EOD-SHORT', 'delivered', 'awaiting_remit', 9, 'REMIT_DECIDED');
    await move('EOD-SHORT', 'awaiting_remit', 'closed', 17, 'CONFIRM_REMIT', 50);
    await move('EOD-OPEN', 'in_transit', 'delivered', 11, 'DELIVER', 40);
    await move('EOD-OPEN', 'delivered', 'awaiting_remit', 11, 'REMIT_DECIDED');
    for (const id of ['EOD-SHORT', 'EOD-OPEN', 'EOD-UNSHIPPED'])
      await issueDocument(h.store.em.fork(), { issueKey: issueKeyOf(id, 'invoice'), orderId: id, accountCode: 'ACME', kind: 'invoice', lines: [{ sku: 'A', qty: 1, price: 60 }], total: 60, issuedBy: 'test', issuedAt: inDay(8), templateVersion: 1, render: async () => Buffer.from('%PDF-1.7') });
  });
  afterAll(async () => {
    await session?.close();
  });

  async function reconciliationAs(username: string): Promise<Page> {
    const page = await openPage(browser, { viewport: { width: 1400, height: 1000 } });
    await page.goto(url);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(DEMO_USERS.find((u) => u.username === username)!.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('tab-reconciliation').click();
    await page.getByTestId('reconciliation-discrepancies').waitFor();
    return page;
  }

  it('finance signs the day off and reopens it with a reason; the order processor reads it', async () => {
    const finance = await reconciliationAs('fred');
    await expect.poll(() => finance.getByTestId('reconciliation-day').inputValue()).toBe(day);
    const list = finance.getByTestId('reconciliation-discrepancies');
    for (const text of ['Short remittance', 'Order not closed', 'Invoice without shipment']) await list.getByText(text).first().waitFor();
    await finance.getByTestId('reconciliation-drivers').getByText('Dana Driver').waitFor();
    await checkScreen(finance, 'reconciliation-open', { fullPage: true });

    await finance.getByTestId('reconciliation-sign-off').click();
    const status = finance.getByTestId('reconciliation-status');
    await status.getByText('Signed off', { exact: true }).waitFor();
    await status.getByText(/By Fred Marsh|By fred/).waitFor();
    await expect.poll(() => finance.getByTestId('reconciliation-sign-off').count()).toBe(0);
    await checkScreen(finance, 'reconciliation-signed-off', { fullPage: true });

    const processor = await reconciliationAs('paula');
    await processor.getByTestId('reconciliation-status').getByText('Signed off', { exact: true }).waitFor();
    await expect.poll(() => processor.getByTestId('reconciliation-reopen').count()).toBe(0);
    await processor.getByTestId('reconciliation-discrepancies').getByRole('link', { name: 'EOD-SHORT' }).click();
    await expect.poll(() => new URL(processor.url()).searchParams.get('order')).toBe('EOD-SHORT');
    await processor.getByTestId('tab-orders').waitFor();
    await processor.close();

    await finance.getByTestId('reconciliation-reopen').click();
    await finance.getByTestId('reconciliation-reopen-reason').fill('The driver brought the missing 10.00');
    await checkScreen(finance, 'reconciliation-reopen-form');
    await finance.getByTestId('reconciliation-reopen-confirm').click();
    await status.getByText('Reopened', { exact: true }).waitFor();
    await status.getByText(/The driver brought the missing 10.00/).waitFor();
    await finance.getByTestId('reconciliation-sign-off').waitFor();
    await finance.close();
  });
});
