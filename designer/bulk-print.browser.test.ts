import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../api/auth/bootstrap-users.ts';
import type { OrderSummary } from '../domain/order.ts';
import { ARTIFACTS, checkScreen, openPage } from '../test/browser.ts';
import { openDesigner, type DesignerSession } from '../test/designer-session.ts';
import { pdfText } from '../test/pdf-text.ts';
import { screenshotPdfPage } from '../test/render-pdf-page.ts';
import { bundleWorkflows } from '../worker/create-worker.ts';

/** A dispatcher prints the shipping labels of selected orders from the Bulk screen and downloads them as one PDF. */
describe('bulk printing in the app', () => {
  let session: DesignerSession | undefined;
  let orders: OrderSummary[];
  beforeAll(async () => {
    session = await openDesigner({ wipLimit: 10 });
    const { h } = session;
    await h.startWorker(await bundleWorkflows());
    orders = [];
    for (let i = 0; i < 4; i++) orders.push(await h.postOrder(`PRINT-UI-${i}-${randomUUID().slice(0, 4)}`, 3));
    expect((await h.request(`/orders/${orders[1]!.id}/actions`, { method: 'POST', body: JSON.stringify({ action: 'cancel', reason: 'Duplicate' }) })).status).toBe(200);
    await h.reach(orders[1]!.id, 'cancelled');
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

  it('dry run names the cancelled order, the job prints the rest, and the merged PDF downloads with a label per order in the selection\'s order', { timeout: 180_000 }, async () => {
    const selected = [orders[3]!, orders[1]!, orders[0]!, orders[2]!];
    const page = await signIn(`?view=bulk&orders=${selected.map((o) => o.id).join(',')}`);
    await page.getByTestId('bulk-selection').getByText('Selected: 4 orders').waitFor();
    await page.getByTestId('bulk-action').click();
    await page.getByRole('option', { name: 'Print documents (one PDF)' }).click();
    await page.getByTestId('bulk-print-kind').click();
    await page.getByRole('option', { name: 'Shipping label' }).click();
    await expect(page.getByTestId('bulk-reason').count()).resolves.toBe(0);
    await page.getByTestId('bulk-dry-run').click();
    const report = page.getByTestId('bulk-dry-run-report');
    await report.getByText('3 of 4 can be printed; 1 cannot').waitFor();
    const refused = report.getByTestId('bulk-dry-run-refused');
    await refused.getByText(orders[1]!.reference!).waitFor();
    await refused.getByText('No shipping label for a cancelled order: it is neither sold nor shipped.').waitFor();
    await checkScreen(page, 'bulk-print-dry-run');

    await page.getByTestId('bulk-run').click();
    await page.getByTestId('bulk-status').getByText('Done').waitFor({ timeout: 90_000 });
    await page.getByRole('heading', { name: 'Bulk job: Print shipping labels on 4 orders' }).waitFor();
    const link = page.getByTestId('bulk-print-pdf');
    await link.waitFor();
    await page.getByTestId('bulk-print').getByText(/3 documents, 3 pages/).waitFor();
    await checkScreen(page, 'bulk-print-done');

    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^bulk-job-[0-9a-f]{8}-shipping-labels\.pdf$/);
    const pdf = readFileSync((await download.path())!);
    const { pages, sizes } = await pdfText(pdf);
    expect(sizes).toEqual([[283, 425], [283, 425], [283, 425]]);
    const printed = selected.filter((o) => o !== orders[1]);
    printed.forEach((order, i) => expect(pages[i]).toContain(order.reference!));
    const viewer = await openPage(session!.browser, { viewport: { width: 700, height: 1000 } });
    await screenshotPdfPage(viewer, session!.url, pdf, join(ARTIFACTS, 'bulk-print-first-page.png'));

    await page.getByText('← New bulk action and my jobs').click();
    await page.getByTestId('bulk-recent-jobs').getByText('Print shipping labels').waitFor();
  });
});
