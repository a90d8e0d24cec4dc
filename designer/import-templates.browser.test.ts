import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrderRecord } from '../store/order.entity.ts';
import { checkScreen } from '../test/browser.ts';
import { hoursFromNow } from '../test/clock.ts';
import { openDesigner, type DesignerSession } from '../test/designer-session.ts';
import { signInByKeyboard } from '../test/keyboard.ts';
import type { Harness } from '../test/sluice-harness.ts';
import { bundleWorkflows } from '../worker/create-worker.ts';

/** A customer's file whose column names the suggestions do not know: mapped once by hand, saved as a template, then mapped by the template. */
describe('order import: a file dropped onto the page, and a saved mapping template', () => {
  let h: Harness;
  let browser: Browser;
  let url: string;
  let session: DesignerSession | undefined;

  beforeAll(async () => {
    session = await openDesigner();
    ({ h, url, browser } = session);
    // The second import runs as a workflow: it needs a worker.
    await h.startWorker(await bundleWorkflows());
  });
  afterAll(async () => {
    await session?.close();
  });

  const HEADERS = 'Ref,Kunde,Termin,Positionen,Zahlart,Frachtführer,Nachnahme';
  const MAPPED = { account: 'Kunde', dueAt: 'Termin', lines: 'Positionen', paymentMode: 'Zahlart', carrierType: 'Frachtführer', codAmount: 'Nachnahme' } as const;
  const fileOf = (prefix: string) => {
    const due = hoursFromNow(6);
    return [HEADERS, `${prefix}-1,ACME,${due},A-1 x2 @30,COD,Prime,45.50`, `${prefix}-2,Globex,${due},B-2 x1 @10,Prepaid,,`].join('\n');
  };

  /** A real drop: the file in a DataTransfer, dragged over the zone and dropped on it, as a browser sends them. */
  async function dropFile(page: Page, name: string, csv: string, stopOver = false) {
    await page.getByTestId('import-drop').evaluate(
      (zone, { name, csv, stopOver }) => {
        const data = new DataTransfer();
        data.items.add(new File([csv], name, { type: 'text/csv' }));
        zone.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true, cancelable: true }));
        zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
        if (!stopOver) zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      },
      { name, csv, stopOver },
    );
  }

  async function pick(page: Page, field: string, header: string) {
    await page.getByTestId(`import-map-${field}`).click();
    await page.getByRole('option', { name: header, exact: true }).click();
  }

  it('takes a dropped file, saves its mapping as a template, and maps the next file by choosing the template', async () => {
    const page = await signInByKeyboard(browser, url, 'dan');
    await page.getByTestId('tab-import').click();
    await page.getByTestId('import-drop').waitFor();

    // Dragged over, the zone says it will take the file.
    await dropFile(page, 'mueller-monday.csv', fileOf('TPL-MON'), true);
    await checkScreen(page, 'import-drag-over');
    await dropFile(page, 'mueller-monday.csv', fileOf('TPL-MON'));
    await page.getByTestId('import-mapping').waitFor();
    await page.getByText('Map the columns of mueller-monday.csv').waitFor();
    expect(await page.getByTestId('import-map-reference').inputValue()).toBe('Ref');
    expect(await page.getByTestId('import-map-account').inputValue()).toBe('');
    for (const [field, header] of Object.entries(MAPPED)) await pick(page, field, header);
    await page.getByTestId('import-template-name').fill('Müller GmbH');
    await page.getByTestId('import-template-save').click();
    await page.getByRole('status').getByText('Saved as Müller GmbH.').waitFor();
    await checkScreen(page, 'import-template-saved');
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-count-valid').getByText('2', { exact: true }).waitFor();

    // The next week's file: nothing of it is known but the reference, until the template is chosen.
    await dropFile(page, 'mueller-tuesday.csv', fileOf('TPL-TUE'));
    await page.getByText('Map the columns of mueller-tuesday.csv').waitFor();
    expect(await page.getByTestId('import-map-account').inputValue()).toBe('');
    await page.getByTestId('import-template').click();
    await page.getByRole('option', { name: 'Müller GmbH', exact: true }).click();
    for (const [field, header] of Object.entries(MAPPED)) expect(await page.getByTestId(`import-map-${field}`).inputValue(), field).toBe(header);
    expect(await page.getByTestId('import-map-reference').inputValue()).toBe('Ref');
    await checkScreen(page, 'import-template-chosen');

    await page.getByTestId('import-check').click();
    await page.getByTestId('import-count-valid').getByText('2', { exact: true }).waitFor();
    expect(await page.getByTestId('import-count-invalid').textContent()).toBe('0');
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    await checkScreen(page, 'import-template-done');

    const taken = await h.store.em.fork().find(OrderRecord, { reference: { $in: ['TPL-TUE-1', 'TPL-TUE-2'] } }, { orderBy: { reference: 'asc' } });
    expect(taken.map((o) => ({ reference: o.reference, account: o.account, paymentMode: o.paymentMode, carrierType: o.carrierType, codAmount: o.codAmount }))).toEqual([
      { reference: 'TPL-TUE-1', account: 'ACME', paymentMode: 'cod', carrierType: 'prime', codAmount: 45.5 },
      { reference: 'TPL-TUE-2', account: 'Globex', paymentMode: 'prepaid', carrierType: null, codAmount: null },
    ]);
    await page.close();
  });
});
