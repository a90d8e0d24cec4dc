import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrderRecord } from '../store/order.entity.ts';
import { checkScreen } from '../test/browser.ts';
import { hoursFromNow } from '../test/clock.ts';
import { openDesigner, type DesignerSession } from '../test/designer-session.ts';
import { signInByKeyboard } from '../test/keyboard.ts';
import type { Harness } from '../test/sluice-harness.ts';
import { bundleWorkflows } from '../worker/create-worker.ts';

/** A dispatcher imports a spreadsheet of orders: the bad rows are reported with their reasons, the good ones become orders. */
describe('order import in the app', () => {
  let h: Harness;
  let browser: Browser;
  let url: string;
  let session: DesignerSession | undefined;

  beforeAll(async () => {
    session = await openDesigner();
    ({ h, url, browser } = session);
    // The import runs as a workflow: this test needs a worker.
    await h.startWorker(await bundleWorkflows());
  });
  afterAll(async () => {
    await session?.close();
  });

  it('uploads a CSV, maps a column, sees the bad rows and why, imports the good ones and sees each result', async () => {
    const due = hoursFromNow(6);
    const csv = [
      'Ref,Client name,Due,Lines,Work area',
      `IMP-UI-1,ACME,${due},"A-1 x2; B-2 x1",${h.workAreaId}`,
      `IMP-UI-2,ACME,not a date,A-1,${h.workAreaId}`,
      `IMP-UI-3,,${due},A-1 x0,${h.workAreaId}`,
      `IMP-UI-4,Globex,${due},C-3 x5,${h.workAreaId}`,
    ].join('\n');
    const page = await signInByKeyboard(browser, url, 'dan');
    await page.getByTestId('tab-import').click();
    await page.getByTestId('import-drop').waitFor();
    await checkScreen(page, 'import-upload');

    await page.getByTestId('import-file').setInputFiles({ name: 'week-orders.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const mapping = page.getByTestId('import-mapping');
    await mapping.waitFor();
    // "Client name" is not a name the suggestions know: the dispatcher maps it to the account.
    expect(await page.getByTestId('import-map-account').inputValue()).toBe('');
    expect(await page.getByTestId('import-map-reference').inputValue()).toBe('Ref');
    await page.getByTestId('import-map-account').click();
    await page.getByRole('option', { name: 'Client name', exact: true }).click();
    await checkScreen(page, 'import-mapping');

    await page.getByTestId('import-check').click();
    const problems = page.getByTestId('import-problems');
    await problems.waitFor();
    expect(await page.getByTestId('import-count-valid').textContent()).toBe('2');
    expect(await page.getByTestId('import-count-invalid').textContent()).toBe('2');
    await problems.getByTestId('import-problems-row-2').getByText(/^Due: dueAt must be an ISO 8601 date-time/).waitFor();
    await problems.getByTestId('import-problems-row-3').getByText('Client name: account is required').waitFor();
    await problems.getByTestId('import-problems-row-3').getByText('Lines: line 1 qty: qty must be at least 1').waitFor();
    expect(await page.getByTestId('import-download').getAttribute('href')).toMatch(/\/problems\.csv$/);
    // The recent imports say where this one stands now, not where it stood when uploaded.
    await page.getByTestId('import-recent').getByText('validated', { exact: true }).waitFor();
    await checkScreen(page, 'import-report');

    await page.getByTestId('import-run').click();
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    const results = page.getByTestId('import-results');
    await results.getByTestId('import-results-row-4').getByText('Created').waitFor();
    await results.getByTestId('import-results-row-2').getByText('Rejected').waitFor();
    await checkScreen(page, 'import-done');

    const created = await h.store.em.fork().find(OrderRecord, { reference: { $in: ['IMP-UI-1', 'IMP-UI-2', 'IMP-UI-3', 'IMP-UI-4'] } });
    expect(created.map((o) => o.reference).sort()).toEqual(['IMP-UI-1', 'IMP-UI-4']);
    await page.getByTestId('import-recent').getByText('week-orders.csv').waitFor();
    await page.getByTestId('import-recent').getByText('done', { exact: true }).waitFor();
    await page.close();
  });
});
