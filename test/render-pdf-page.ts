import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from '../launcher/repo-root.ts';

const PDFJS = join(repoRoot, 'node_modules/pdfjs-dist/build');
const PAGE = `<!doctype html><html lang="en"><title>PDF page</title><body style="margin:0;background:#888">
<canvas id="page" role="img" aria-label="The PDF's first page"></canvas>
<script type="module">
import * as pdfjs from '/__pdf/pdf.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '/__pdf/pdf.worker.mjs';
const pdf = await pdfjs.getDocument({ url: '/__pdf/document.pdf' }).promise;
const first = await pdf.getPage(1);
const viewport = first.getViewport({ scale: Number(new URL(location.href).searchParams.get('scale') ?? 2) });
const canvas = document.getElementById('page');
canvas.width = viewport.width;
canvas.height = viewport.height;
await first.render({ canvas, canvasContext: canvas.getContext('2d'), viewport }).promise;
document.body.dataset.rendered = 'yes';
</script></body></html>`;

/**
 * Renders a PDF's first page with pdf.js into a canvas in the browser, as a person's viewer would show it,
 * and saves it as a PNG at `path`: the look of a generated document, for a person to check. `dpi` is the
 * resolution it is rendered at (144 by default: a screen's view; a label printer prints at 203 or 300).
 */
export async function screenshotPdfPage(page: Page, origin: string, pdf: Uint8Array, path: string, dpi = 144): Promise<void> {
  await page.route(`${origin}/__pdf/**`, (route) => {
    const file = new URL(route.request().url()).pathname.slice('/__pdf/'.length);
    if (file === 'viewer') return route.fulfill({ contentType: 'text/html', body: PAGE });
    if (file === 'document.pdf') return route.fulfill({ contentType: 'application/pdf', body: Buffer.from(pdf) });
    return route.fulfill({ contentType: 'text/javascript', body: readFileSync(join(PDFJS, file === 'pdf.mjs' ? 'pdf.mjs' : 'pdf.worker.mjs')) });
  });
  page.on('pageerror', (e) => console.log('PDF viewer:', e.message));
  await page.goto(`${origin}/__pdf/viewer?scale=${dpi / 72}`);
  await page.locator('body[data-rendered="yes"]').waitFor();
  await page.locator('#page').screenshot({ path });
}
