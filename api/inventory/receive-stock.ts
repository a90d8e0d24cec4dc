import { WorkflowNotFoundError } from '@temporalio/client';
import { receiptInput, type ReceiptInput, type ReceiptResult, type ReceiptUploadResult } from '../../domain/inventory.ts';
import { reserveForHeldOrders, takeReceipt } from '../../store/inventory/receipts.ts';
import { holdCauseClearedSignal, orderWorkflowId } from '../../workflows/definitions.ts';
import type { ApiDeps } from '../api-deps.ts';
import { UserError } from '../errors.ts';
import type { UploadedTable } from '../imports/read-upload.ts';
import { withTemporal } from '../temporal-gate.ts';

/**
 * Takes a receipt into stock, then lets the orders it covers go: each order on an inventory hold of the
 * intake rules in that warehouse that can now reserve all its lines does (oldest due first), and its
 * workflow is told the hold's cause is gone, the path an integration's report takes. A receipt sent again
 * adds no stock but runs the second part again, so a first attempt cut short before it is finished.
 */
export async function receiveStock(deps: ApiDeps, receipt: ReceiptInput, by: string): Promise<ReceiptResult> {
  const now = new Date();
  const taken = await takeReceipt(deps.store.em.fork(), receipt, by, now);
  if ('unknownSkus' in taken) throw new UserError(422, 'unknown_sku', `Not in the catalogue: ${taken.unknownSkus.join(', ')}. Add the product first, then receive its stock.`);
  if ('tooMuch' in taken) throw new UserError(422, 'too_much_stock', tooMuchMessage(taken.tooMuch, receipt.warehouse));
  const cleared = await clearCoveredHolds(deps, receipt.warehouse, receipt.lines.map((l) => l.sku), `receipt:${receipt.id}`, now);
  return { id: receipt.id, duplicate: taken.duplicate, cleared };
}

const tooMuchMessage = (sku: string, warehouse: string) => `The stock of ${sku} in ${warehouse} would pass what a stock row holds: check the quantity.`;

/** A file of receipts, a row each (`<upload id>:<row>`): the per-row report, then the holds cleared in each warehouse the file filled. */
export async function receiveStockRows(deps: ApiDeps, uploadId: string, table: UploadedTable, by: string): Promise<ReceiptUploadResult> {
  const now = new Date();
  const column = (name: string) => table.headers.findIndex((h) => h.trim().toLowerCase() === name);
  const [skuAt, warehouseAt, qtyAt] = [column('sku'), column('warehouse'), column('qty')];
  const missing = [['sku', skuAt], ['warehouse', warehouseAt], ['qty', qtyAt]].filter(([, at]) => at === -1).map(([name]) => name);
  if (missing.length > 0) throw new UserError(400, 'invalid_file', `The file has no ${missing.join(', ')} column: its header row names sku, warehouse and qty.`);
  const rows: ReceiptUploadResult['rows'] = [];
  const filled = new Map<string, Set<string>>();
  for (const [i, cells] of table.rows.entries()) {
    const row = i + 2;
    const qtyText = cells[qtyAt]!.trim();
    const parsed = receiptInput.safeParse({ id: `${uploadId}:${row}`, warehouse: cells[warehouseAt]!.trim(), lines: [{ sku: cells[skuAt]!.trim(), qty: /^\d+$/.test(qtyText) ? Number(qtyText) : qtyText }] });
    if (!parsed.success) {
      rows.push({ row, outcome: 'invalid', problems: parsed.error.issues.map((issue) => `${issue.path.at(-1) === 'id' ? 'receipt' : String(issue.path.at(-1))}: ${issue.message}`) });
      continue;
    }
    const receipt = parsed.data;
    const taken = await takeReceipt(deps.store.em.fork(), receipt, by, now);
    if ('unknownSkus' in taken) rows.push({ row, outcome: 'invalid', problems: [`sku: ${receipt.lines[0]!.sku} is not in the catalogue`] });
    else if ('tooMuch' in taken) rows.push({ row, outcome: 'invalid', problems: [`qty: ${tooMuchMessage(taken.tooMuch, receipt.warehouse)}`] });
    else {
      rows.push({ row, outcome: taken.duplicate ? 'duplicate' : 'received', problems: [] });
      filled.set(receipt.warehouse, (filled.get(receipt.warehouse) ?? new Set()).add(receipt.lines[0]!.sku));
    }
  }
  const cleared: string[] = [];
  for (const [warehouse, skus] of filled) cleared.push(...(await clearCoveredHolds(deps, warehouse, [...skus], `receipt:${uploadId}`, now)));
  return { rows, cleared };
}

async function clearCoveredHolds(deps: ApiDeps, warehouse: string, skus: readonly string[], source: string, now: Date): Promise<string[]> {
  const cleared = await reserveForHeldOrders(deps.store.em.fork(), warehouse, skus, now);
  for (const orderId of cleared) {
    await withTemporal(deps.temporal, 'Releasing the inventory holds this receipt covers', async () => {
      try {
        await deps.temporal.workflow.getHandle(orderWorkflowId(orderId)).signal(holdCauseClearedSignal, { holdType: 'inventory', source });
      } catch (err) {
        if (!(err instanceof WorkflowNotFoundError)) throw err;
      }
    });
  }
  return cleared;
}
