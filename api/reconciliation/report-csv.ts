import { DISCREPANCY_LABELS, type DayStatus, type ReconciliationReport } from '../../domain/reconciliation/reconciliation.ts';
import { csvRecord } from '../exports/csv.ts';

/**
 * The report as one CSV a spreadsheet opens: a section per part (figures, drivers' cash, discrepancies),
 * each with its own header row, and every discrepancy's link as a full URL under `appUrl`.
 */
export function reportCsv(report: ReconciliationReport, status: DayStatus, appUrl: string): string {
  const f = report.figures;
  const lines = [
    csvRecord(['section', 'item', 'value']),
    csvRecord(['day', 'site', report.site]),
    csvRecord(['day', 'day', report.day]),
    csvRecord(['day', 'time zone', report.timeZone]),
    csvRecord(['day', 'status', status.status]),
    ...(status.status === 'signed_off' && status.signOff ? [csvRecord(['day', 'signed off by', status.signOff.signedOffBy]), csvRecord(['day', 'signed off at', status.signOff.signedOffAt]), csvRecord(['day', 'sha256', status.signOff.sha256])] : []),
    csvRecord(['figures', 'orders captured', f.captured]),
    csvRecord(['figures', 'orders released', f.released]),
    csvRecord(['figures', 'orders completed (shipped)', f.completed]),
    csvRecord(['figures', 'orders not closed', f.notClosed]),
    csvRecord(['figures', 'invoices issued', f.invoicesIssued]),
    csvRecord(['figures', 'COD expected', f.codExpected]),
    csvRecord(['figures', 'COD collected', f.codCollected]),
    csvRecord(['figures', 'COD remitted', f.codRemitted]),
    '\r\n',
    csvRecord(['driver', 'orders', 'expected', 'collected', 'remitted', 'remitted minus collected']),
    ...report.drivers.map((d) => csvRecord([d.driver, d.orders, d.expected, d.collected, d.remitted, d.remitVariance])),
    '\r\n',
    csvRecord(['discrepancy', 'order', 'reference', 'driver', 'amount', 'message', 'link']),
    ...report.discrepancies.map((d) => csvRecord([DISCREPANCY_LABELS[d.kind], d.orderId, d.reference, d.driver, d.amount, d.message, `${appUrl}/${d.href}`])),
    ...(report.truncated ? [csvRecord(['listed', report.discrepancies.length, `of ${report.discrepancyTotal} discrepancies`])] : []),
  ];
  return lines.join('');
}
