import bwipjs from 'bwip-js';
import type { DocumentContent } from './document-content.ts';
import { MM, renderPdf } from './pdf-canvas.ts';

const WIDTH = 100 * MM;
const HEIGHT = 150 * MM;
const MARGIN = 5 * MM;
const INNER = WIDTH - 2 * MARGIN;

/** What the Code 128 carries: the order's reference a scanner at the dock looks up, or its id without one. */
export const labelBarcodeText = (order: DocumentContent['order']): string => order.reference ?? order.id;

/**
 * A 100×150 mm label: the order and where it goes in large type, a Code 128 of its reference (its text
 * printed under the bars), and a QR code of its tracking link. Barcodes are PNG at 300 dpi or better, so
 * the bars stay crisp on a thermal printer.
 */
export async function renderShippingLabel(content: DocumentContent): Promise<Buffer> {
  const { order } = content;
  const barcodeText = labelBarcodeText(order);
  const [barcode, qr] = await Promise.all([
    bwipjs.toBuffer({ bcid: 'code128', text: barcodeText, scale: 3, height: 18, includetext: false, paddingwidth: 0 }),
    content.trackingUrl ? bwipjs.toBuffer({ bcid: 'qrcode', text: content.trackingUrl, scale: 4 }) : Promise.resolve(null),
  ]);
  return renderPdf({ size: [WIDTH, HEIGHT], margin: MARGIN, title: `Shipping label for order ${barcodeText}`, issuedAt: content.issuedAt }, (doc) => {
    doc.font('bold').fontSize(16).text(order.reference ?? order.id, MARGIN, MARGIN, { width: INNER });
    doc.font('regular').fontSize(11);
    doc.text(`Account: ${order.account}`, { width: INNER });
    if (order.zone) doc.text(`Zone: ${order.zone}`, { width: INNER });
    if (order.warehouse) doc.text(`From: ${order.warehouse}`, { width: INNER });
    doc.text(`Due: ${order.dueAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`, { width: INNER });
    doc.text(`Units: ${order.lines.reduce((sum, l) => sum + l.qty, 0)}   Payment: ${order.paymentMode.replaceAll('_', ' ')}`, { width: INNER });
    const barcodeTop = 55 * MM;
    doc.image(barcode, MARGIN, barcodeTop, { fit: [INNER, 22 * MM], align: 'center' });
    doc.font('regular').fontSize(10).text(barcodeText, MARGIN, barcodeTop + 23 * MM, { width: INNER, align: 'center' });
    if (qr) {
      const qrSize = 38 * MM;
      const qrTop = HEIGHT - MARGIN - qrSize - 6 * MM;
      doc.image(qr, (WIDTH - qrSize) / 2, qrTop, { width: qrSize, height: qrSize });
      doc.fontSize(7).text(content.trackingUrl ?? '', MARGIN, qrTop + qrSize + 1 * MM, { width: INNER, align: 'center' });
    }
  });
}
