import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { newTrackingToken, trackingUrl } from '../../store/documents/order-tracking.ts';
import { ARTIFACTS, launchChromium, openPage } from '../../test/browser.ts';
import { hoursFromNow } from '../../test/clock.ts';
import { screenshotPdfPage } from '../../test/render-pdf-page.ts';
import type { DocumentContent } from './document-content.ts';
import { renderDocument } from './render-document.ts';
import { labelBarcodeText } from './shipping-label.ts';

// The reader's wasm from node_modules: nothing is fetched (there is no network where tests run).
const WASM = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');

const order = (reference: string | null): DocumentContent['order'] => ({
  id: crypto.randomUUID(),
  reference,
  account: 'Ærø Köln Ελλάς',
  kind: 'delivery',
  dueAt: new Date(hoursFromNow(3)),
  zone: 'North',
  warehouse: 'WH-1',
  paymentMode: 'cod',
  lines: [{ sku: 'CRATE-1', qty: 4, price: 12.5 }],
});

/**
 * A shipping label as a scanner sees it: its page rendered by pdf.js in Chromium to a PNG, and its barcodes
 * read back from the pixels by ZXing. The Code 128 must give the order's reference (its id without one) and
 * the QR code the tracking link, exactly.
 */
describe('a shipping label\'s barcodes, read from its rendered page', () => {
  let browser: Browser;
  beforeAll(async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new Error('the barcode reader must not fetch anything')));
    await prepareZXingModule({ overrides: { wasmBinary: readFileSync(WASM).buffer as ArrayBuffer }, fireImmediately: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    vi.unstubAllGlobals();
    await browser?.close();
  });

  // A reference is read from the page as a screen shows it (144 dpi). An order without one carries its id, a
  // 36-character UUID whose bars are about one pixel wide there: it is read at the 300 dpi of a label printer.
  it.each([
    { name: 'with a reference', content: order('R-20481-LONDON'), dpi: 144 },
    { name: 'without a reference (its id)', content: order(null), dpi: 300 },
  ])('$name: the Code 128 reads as the label\'s text and the QR code as the tracking link ($dpi dpi)', { timeout: 60_000 }, async ({ name, content, dpi }) => {
    const link = trackingUrl('https://track.sluice.example', newTrackingToken());
    const pdf = await renderDocument({ kind: 'shipping_label', number: null, issuedAt: new Date(), order: content, trackingUrl: link });
    const path = join(ARTIFACTS, `shipping-label-barcodes-${name.startsWith('with ') ? 'reference' : 'id'}.png`);
    await screenshotPdfPage(await openPage(browser, { viewport: { width: 700, height: 1000 } }), 'http://label.test', pdf, path, dpi);

    const found = await readBarcodes(new Uint8Array(readFileSync(path)), { formats: ['Code128', 'QRCode'], tryHarder: true, maxNumberOfSymbols: 4 });
    const read = found.filter((r) => r.isValid).map((r) => ({ format: r.format, text: r.text }));
    expect(read).toHaveLength(2);
    expect(read).toEqual(expect.arrayContaining([{ format: 'Code128', text: labelBarcodeText(content) }, { format: 'QRCode', text: link }]));
    expect(labelBarcodeText(content)).toBe(content.reference ?? content.id);
  });
});
