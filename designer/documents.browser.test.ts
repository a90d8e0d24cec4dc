import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../api/auth/bootstrap-users.ts';
import { ARTIFACTS, checkScreen, openPage } from '../test/browser.ts';
import { hoursFromNow } from '../test/clock.ts';
import { openDesigner, type DesignerSession } from '../test/designer-session.ts';
import { pdfText } from '../test/pdf-text.ts';
import { screenshotPdfPage } from '../test/render-pdf-page.ts';
import type { Harness } from '../test/sluice-harness.ts';
import { bundleWorkflows } from '../worker/create-worker.ts';

/** An ops manager issues an order's shipping label from its drawer and downloads it; the label's page is rendered for a person to look at. */
describe('documents in the order drawer', () => {
  let h: Harness;
  let browser: Browser;
  let url: string;
  let session: DesignerSession | undefined;
  beforeAll(async () => {
    session = await openDesigner();
    ({ h, url, browser } = session);
    await h.startWorker(await bundleWorkflows());
  });
  afterAll(async () => {
    await session?.close();
  });

  it('issues a shipping label and an invoice, downloads the label, and renders its page', { timeout: 240_000 }, async () => {
    const posted = await h.request('/orders', {
      method: 'POST',
      body: JSON.stringify({ reference: 'LABEL-1', account: 'Ærø Köln Ελλάς', dueAt: hoursFromNow(3), workAreaId: h.workAreaId, zone: 'North', lines: [{ sku: 'CRATE-1', qty: 4, price: 12.5 }] }),
    });
    expect(posted.status).toBe(201);

    const page = await openPage(browser, { viewport: { width: 1400, height: 1000 } });
    await page.goto(url);
    await page.getByTestId('login-username').fill('olivia');
    await page.getByTestId('login-password').fill(DEMO_USERS.find((u) => u.username === 'olivia')!.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('orders-table').getByText('LABEL-1').click();
    const documents = page.getByTestId('order-drawer').getByTestId('order-documents');
    await documents.getByTestId('document-issue-shipping_label').click();
    const download = documents.getByTestId('document-download-shipping_label');
    await download.waitFor();
    await documents.getByTestId('document-issue-invoice').click();
    await documents.getByTestId('document-download-invoice').waitFor();
    await expect(documents.getByTestId('document-row-invoice').textContent()).resolves.toMatch(/INV-\d{4}-\d{6}/);
    await documents.scrollIntoViewIfNeeded();
    await checkScreen(page, 'order-documents');

    const res = await page.request.get(`${url}${await download.getAttribute('href')}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    const pdf = await res.body();
    expect((await pdfText(pdf)).pages[0]).toContain('LABEL-1');
    const viewer = await openPage(browser, { viewport: { width: 700, height: 1000 } });
    await screenshotPdfPage(viewer, url, pdf, join(ARTIFACTS, 'shipping-label-page.png'));
  });
});
