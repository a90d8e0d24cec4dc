import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfPages {
  /** Each page's text, its items joined by spaces. */
  pages: string[];
  /** Each page's size in points. */
  sizes: [number, number][];
}

/** A PDF's text page by page, as pdf.js reads it: what a test checks a generated document says. */
export async function pdfText(bytes: Uint8Array): Promise<PdfPages> {
  // pdf.js takes the buffer over; the caller keeps its own.
  const task = getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 });
  const pdf = await task.promise;
  try {
    const pages: string[] = [];
    const sizes: [number, number][] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const { width, height } = page.getViewport({ scale: 1 });
      sizes.push([Math.round(width), Math.round(height)]);
      const content = await page.getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' '));
    }
    return { pages, sizes };
  } finally {
    await task.destroy();
  }
}
