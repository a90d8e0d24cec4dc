import { DOCUMENT_KIND_LABELS } from '../../domain/document.ts';
import type { DocumentContent } from './document-content.ts';
import { renderPdf } from './pdf-canvas.ts';
import { tableRow, type TableColumn } from './pdf-table-row.ts';

const MARGIN = 50;
const ROW = 16;

type Column = TableColumn<DocumentContent['order']['lines'][number]>;

const money = (n: number) => n.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const date = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';

/** What each kind prints of a line: prices on the invoice and credit note, a tick box for the picker. */
function columnsOf(content: DocumentContent): Column[] {
  const sign = content.kind === 'credit_note' ? -1 : 1;
  const base: Column[] = [
    { title: '#', width: 30, value: (_, i) => String(i + 1) },
    { title: 'SKU', width: 215, value: (l) => l.sku },
    { title: 'Qty', width: 60, align: 'right', value: (l) => String(l.qty) },
  ];
  if (content.kind === 'invoice' || content.kind === 'credit_note') {
    return [...base, { title: 'Price', width: 95, align: 'right', value: (l) => money(l.price) }, { title: 'Amount', width: 95, align: 'right', value: (l) => money(sign * l.qty * l.price) }];
  }
  if (content.kind === 'pick_list') return [...base, { title: 'Picked', width: 95, align: 'right', value: () => '☐' }];
  return [...base, { title: 'Packed', width: 95, align: 'right', value: () => '☐' }];
}

function heading(doc: PDFKit.PDFDocument, content: DocumentContent): void {
  const { order } = content;
  doc.font('bold').fontSize(20).text(DOCUMENT_KIND_LABELS[content.kind] + (content.number ? ` ${content.number}` : ''), MARGIN, MARGIN);
  doc.font('regular').fontSize(10).moveDown(0.5);
  const facts: [string, string][] = [
    ['Issued', date(content.issuedAt)],
    ['Order', order.reference ? `${order.reference} (${order.id})` : order.id],
    ['Account', order.account],
    ['Due', date(order.dueAt)],
    ...(order.warehouse ? [['Warehouse', order.warehouse] as [string, string]] : []),
    ...(order.zone ? [['Zone', order.zone] as [string, string]] : []),
    ...(content.kind === 'invoice' || content.kind === 'credit_note' ? [['Payment', order.paymentMode.replaceAll('_', ' ')] as [string, string]] : []),
  ];
  if (content.corrects) facts.push(['Corrects invoice', `${content.corrects.number} of ${date(content.corrects.issuedAt)}`], ['Reason', content.corrects.reason]);
  for (const [label, value] of facts) doc.text(`${label}: ${value}`, { width: 495 });
  doc.moveDown(1);
}

/** Invoice, credit note, packing slip or pick list: an A4 page (or more) with the order's facts and its lines. */
export function renderPaperDocument(content: DocumentContent): Promise<Buffer> {
  const title = DOCUMENT_KIND_LABELS[content.kind] + (content.number ? ` ${content.number}` : ` for order ${content.order.reference ?? content.order.id}`);
  return renderPdf({ size: 'A4', margin: MARGIN, title, issuedAt: content.issuedAt }, (doc) => {
    heading(doc, content);
    const columns = columnsOf(content);
    const lines = content.kind === 'pick_list' ? [...content.order.lines].sort((a, b) => a.sku.localeCompare(b.sku)) : content.order.lines;
    const bottom = doc.page.height - MARGIN - ROW;
    let y = doc.y;
    const header = () => {
      tableRow(doc, columns, MARGIN, y, columns.map((c) => c.title), true);
      y += ROW;
    };
    header();
    lines.forEach((line, i) => {
      if (y > bottom) {
        doc.addPage();
        y = MARGIN;
        header();
      }
      tableRow(doc, columns, MARGIN, y, columns.map((c) => c.value(line, i)));
      y += ROW;
    });
    if (y > bottom - ROW) {
      doc.addPage();
      y = MARGIN;
    }
    const units = lines.reduce((sum, l) => sum + l.qty, 0);
    const total = lines.reduce((sum, l) => sum + l.qty * l.price, 0) * (content.kind === 'credit_note' ? -1 : 1);
    const summary = content.kind === 'invoice' || content.kind === 'credit_note' ? `Total: ${money(total)}` : `Lines: ${lines.length}   Units: ${units}`;
    doc.font('bold').fontSize(11).text(summary, MARGIN, y + ROW / 2, { width: 495, align: 'right' });
  });
}
