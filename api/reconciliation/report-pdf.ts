import { renderPdf } from '../../activities/documents/pdf-canvas.ts';
import { DISCREPANCY_LABELS, type DayStatus, type ReconciliationReport } from '../../domain/reconciliation/reconciliation.ts';

const money = (n: number) => n.toFixed(2);

/** The report on A4 pages: the figures, the drivers' cash and every discrepancy listed with its order's link. */
export function reportPdf(report: ReconciliationReport, status: DayStatus, appUrl: string, at: Date): Promise<Buffer> {
  return renderPdf({ size: 'A4', margin: 48, title: `Reconciliation ${report.site} ${report.day}`, issuedAt: at }, (doc) => {
    doc.font('bold').fontSize(16).text(`End-of-day reconciliation: ${report.site}, ${report.day}`);
    doc.font('regular').fontSize(9).text(`Day in ${report.timeZone}, from ${report.from} to ${report.to} (UTC).`);
    const signed = status.status === 'signed_off' && status.signOff ? `Signed off by ${status.signOff.signedOffBy} at ${status.signOff.signedOffAt}; SHA-256 ${status.signOff.sha256}.` : status.status === 'reopened' ? 'Reopened: not signed off.' : 'Not signed off.';
    doc.text(signed).moveDown();

    const f = report.figures;
    doc.font('bold').fontSize(12).text('Figures');
    doc.font('regular').fontSize(10);
    for (const [label, value] of [
      ['Orders captured', f.captured],
      ['Orders released', f.released],
      ['Orders completed (shipped)', f.completed],
      ['Orders not closed', f.notClosed],
      ['Invoices issued', f.invoicesIssued],
      ['COD expected', money(f.codExpected)],
      ['COD collected', money(f.codCollected)],
      ['COD remitted', money(f.codRemitted)],
    ] as const)
      doc.text(`${label}: ${value}`);
    doc.moveDown();

    doc.font('bold').fontSize(12).text('Cash on delivery per driver');
    doc.font('regular').fontSize(10);
    if (report.drivers.length === 0) doc.text('No cash-on-delivery orders shipped on the day.');
    for (const d of report.drivers) doc.text(`${d.driver}: ${d.orders} orders, expected ${money(d.expected)}, collected ${money(d.collected)}, remitted ${money(d.remitted)} (${money(d.remitVariance)})`);
    doc.moveDown();

    doc.font('bold').fontSize(12).text(`Discrepancies (${report.discrepancyTotal})`);
    doc.font('regular').fontSize(10);
    if (report.discrepancies.length === 0) doc.text('None: the day reconciles.');
    for (const d of report.discrepancies) {
      doc.font('bold').text(DISCREPANCY_LABELS[d.kind], { continued: true }).font('regular').text(`  ${d.message}`);
      doc.fontSize(8).fillColor('#1c5fb8').text(`${appUrl}/${d.href}`, { link: `${appUrl}/${d.href}` }).fillColor('black').fontSize(10);
    }
    if (report.truncated) doc.moveDown().text(`Listed ${report.discrepancies.length} of ${report.discrepancyTotal}: settle these, then export the day again for the rest.`);
  });
}
