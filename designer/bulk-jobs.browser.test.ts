import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../api/auth/bootstrap-users.ts';
import type { OrderSummary } from '../domain/order.ts';
import { checkScreen, openPage } from '../test/browser.ts';
import { openDesigner, type DesignerSession } from '../test/designer-session.ts';
import { eventually } from '../test/sluice-harness.ts';
import { bundleWorkflows } from '../worker/create-worker.ts';

/** A dispatcher holds three selected orders in one bulk job: the dry run names the refused one and why, the job runs to done, its failures download as CSV. */
describe('bulk jobs in the app', () => {
  let session: DesignerSession | undefined;
  let orders: OrderSummary[];
  beforeAll(async () => {
    session = await openDesigner({ wipLimit: 10 });
    const { h } = session;
    await h.startWorker(await bundleWorkflows());
    orders = [];
    // Due within hours, so the evening release rules do not hold them back.
    for (let i = 0; i < 3; i++) orders.push(await h.postOrder(`BULK-UI-${randomUUID().slice(0, 4)}`, 2));
    await Promise.all(orders.map((o) => eventually(async () => ((s) => (['queued', 'released', 'assigned'].includes(s) ? s : undefined))((await h.getOrder(o.id)).state), `order ${o.id} settled`, 60_000)));
    expect((await h.request(`/orders/${orders[2]!.id}/actions`, { method: 'POST', body: JSON.stringify({ action: 'cancel', reason: 'Duplicate' }) })).status).toBe(200);
  }, 180_000);
  afterAll(async () => {
    await session?.close();
  });

  async function signIn(search: string): Promise<Page> {
    const page = await openPage(session!.browser, { viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    await page.goto(`${session!.url}/${search}`);
    await page.getByTestId('login-username').fill('dan');
    await page.getByTestId('login-password').fill(DEMO_USERS.find((u) => u.username === 'dan')!.password);
    await page.getByTestId('login-submit').click();
    return page;
  }

  it('selected orders: a dry run with a refused order and its reason, then the job, its progress and results, and the failures as CSV', { timeout: 180_000 }, async () => {
    const page = await signIn(`?view=bulk&orders=${orders.map((o) => o.id).join(',')}`);
    await page.getByTestId('bulk-selection').getByText('Selected: 3 orders').waitFor();
    await page.getByTestId('bulk-reason').fill('Stock count');
    await page.getByTestId('bulk-dry-run').click();
    const report = page.getByTestId('bulk-dry-run-report');
    await report.getByText('2 of 3 would go through; 1 would be refused').waitFor();
    const refused = report.getByTestId('bulk-dry-run-refused');
    await refused.getByText(orders[2]!.reference!).waitFor();
    await refused.getByText(/not allowed while the order is cancelled/).waitFor();
    await checkScreen(page, 'bulk-dry-run');

    await page.getByTestId('bulk-run').click();
    await page.getByTestId('bulk-status').getByText('Done').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('bulk-progress').getAttribute('aria-valuenow')).toBe('3');
    expect(await page.getByTestId('bulk-count-done').textContent()).toBe('2');
    expect(await page.getByTestId('bulk-count-refused').textContent()).toBe('1');
    await page.getByTestId('bulk-outcome-filter').getByText('Refused (1)').click();
    const items = page.getByTestId('bulk-items');
    await items.getByText(/not allowed while the order is cancelled/).waitFor();
    await expect.poll(() => items.locator('tbody tr').count()).toBe(1);
    await checkScreen(page, 'bulk-job-done');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('bulk-failures-csv').click()]);
    const csv = readFileSync((await download.path())!, 'utf8').trim().split('\r\n');
    expect(csv[0]).toBe('order,reference,outcome,reason,at');
    expect(csv.slice(1).map((line) => line.split(',').slice(0, 3))).toEqual([[orders[2]!.id, orders[2]!.reference, 'refused']]);
    for (const o of orders.slice(0, 2)) expect((await session!.h.getOrder(o.id)).holds.map((h) => h.type)).toEqual(['manual']);

    await page.getByText('← New bulk action and my jobs').click();
    await page.getByTestId('bulk-recent-jobs').getByText('Place hold').waitFor();
    await checkScreen(page, 'bulk-new-and-recent');
  });
});
