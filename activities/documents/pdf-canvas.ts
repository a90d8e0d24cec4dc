import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
/** DejaVu covers Latin, Greek, Cyrillic, Arabic, Hebrew and more: a customer's or product's name prints as typed. */
export const FONTS = { regular: join(fontDir, 'DejaVuSans.ttf'), bold: join(fontDir, 'DejaVuSans-Bold.ttf') } as const;

export const MM = 72 / 25.4;

/**
 * A PDF with the DejaVu fonts embedded (subset to the glyphs used) and its dates set to the issue time, so
 * nothing in it depends on when it was rendered. `draw` writes its pages; the bytes come back whole.
 */
export async function renderPdf(
  options: { size: [number, number] | 'A4'; margin: number; title: string; issuedAt: Date },
  draw: (doc: PDFKit.PDFDocument) => void | Promise<void>,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: options.size,
    margin: options.margin,
    font: FONTS.regular,
    info: { Title: options.title, Producer: 'Sluice', Creator: 'Sluice', CreationDate: options.issuedAt, ModDate: options.issuedAt },
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  await draw(doc);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
