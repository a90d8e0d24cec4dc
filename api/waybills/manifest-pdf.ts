import { renderPdf } from '../../activities/documents/pdf-canvas.ts';
import { tableRow, type TableColumn } from '../../activities/documents/pdf-table-row.ts';
import type { Manifest } from '../../domain/waybills/waybill.ts';

const MARGIN = 48;
const ROW = 16;
type Line = Manifest['lines'][number];

const money = (n: number) => n.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const when = (iso: string) => iso.slice(0, 16).replace('T', ' ') + ' UTC';
const point = (p: Line['dropoffLocation']) => (p ? `${p.lat.toFixed(5)}, ${p.lng.toFixed(5)}` : 'not geocoded');

const COLUMNS: TableColumn<Line>[] = [
  { title: '#', width: 28, value: (_, i) => String(i + 1) },
  { title: 'Reference', width: 130, value: (l) => l.reference ?? l.orderId },
  { title: 'Account', width: 110, value: (l) => l.account },
  { title: 'Drop-off', width: 120, value: (l) => point(l.dropoffLocation) },
  { title: 'Lines', width: 40, align: 'right', value: (l) => String(l.lineCount) },
  { title: 'COD', width: 71, align: 'right', value: (l) => (l.codAmount === null ? '—' : money(l.codAmount)) },
];

/**
 * A sealed waybill's manifest on A4 pages, the paper that travels with the load: the lane and who sealed it,
 * then every order in the order it went on (the header repeats on each page), with the totals the loader checks.
 * Dated at the seal: it is the paper of that seal, whenever it is printed.
 */
export function manifestPdf(manifest: Manifest): Promise<Buffer> {
  const { waybill, lines, totals } = manifest;
  const sealedAt = new Date(waybill.sealedAt ?? waybill.createdAt);
  return renderPdf({ size: 'A4', margin: MARGIN, title: `Waybill manifest ${waybill.id}`, issuedAt: sealedAt }, (doc) => {
    doc.font('bold').fontSize(18).text('Waybill manifest', MARGIN, MARGIN);
    doc.font('regular').fontSize(10).moveDown(0.5);
    for (const [label, value] of [
      ['Waybill', waybill.id],
      ['Origin', waybill.origin],
      ['Destination', waybill.destination],
      ['Carrier', waybill.carrierType],
      ['Sealed', `${when(sealedAt.toISOString())} by ${waybill.sealedBy ?? 'nobody'}`],
      ...(waybill.note ? [['Note', waybill.note]] : []),
    ])
      doc.text(`${label}: ${value}`, { width: 499 });
    doc.moveDown(1);
    const bottom = doc.page.height - MARGIN - ROW;
    let y = doc.y;
    const header = () => {
      tableRow(doc, COLUMNS, MARGIN, y, COLUMNS.map((c) => c.title), true);
      y += ROW;
    };
    header();
    lines.forEach((line, i) => {
      if (y > bottom) {
        doc.addPage();
        y = MARGIN;
        header();
      }
      tableRow(doc, COLUMNS, MARGIN, y, COLUMNS.map((c) => c.value(line, i)));
      y += ROW;
    });
    if (lines.length === 0) doc.font('regular').fontSize(9).text('No orders on this waybill.', MARGIN, y, { width: 499 });
    if (y > bottom - ROW) {
      doc.addPage();
      y = MARGIN;
    }
    const cod = lines.reduce((sum, l) => sum + (l.codAmount ?? 0), 0);
    doc.font('bold').fontSize(10).text(`Orders: ${totals.orders}   Units: ${totals.units}   Value: ${money(totals.value)}   COD to collect: ${money(cod)}`, MARGIN, y + ROW / 2, { width: 499, align: 'right' });
  });
}
