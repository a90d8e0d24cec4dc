import type { NewOrder } from '../domain/order.ts';
import { CONTINUOUS, type WorkArea } from '../domain/work-area.ts';

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

/**
 * A few orders that show the rules at work: overdue, due soon, high value, low with slack; a delivery
 * paid in cash, a major account's order for a specialist, and one held at intake for credit.
 */
export function demoOrders(): { key: string; order: NewOrder }[] {
  return [
    { key: 'demo-1', order: { reference: 'DEMO-1001', account: 'Northwind', paymentMode: 'prepaid', kind: 'pick', statedPriority: 'urgent', dueAt: inHours(30), lines: [{ sku: 'BOLT-M6', qty: 200, price: 0.4 }] } },
    { key: 'demo-2', order: { reference: 'DEMO-1002', account: 'Contoso', paymentMode: 'prepaid', kind: 'pick', statedPriority: 'normal', dueAt: inHours(2), lines: [{ sku: 'PUMP-2', qty: 1, price: 840 }] } },
    { key: 'demo-3', order: { reference: 'DEMO-1003', account: 'Fabrikam', paymentMode: 'prepaid', kind: 'pick', statedPriority: 'high', dueAt: inHours(-1), lines: [{ sku: 'VALVE-9', qty: 12, price: 65 }] } },
    { key: 'demo-4', order: { reference: 'DEMO-1004', account: 'Tailspin', paymentMode: 'prepaid', kind: 'pick', statedPriority: 'low', dueAt: inHours(72), lines: [{ sku: 'CRATE-L', qty: 40, price: 150 }] } },
    { key: 'demo-5', order: { reference: 'DEMO-1005', account: 'Wingtip', kind: 'delivery', paymentMode: 'cod', statedPriority: 'normal', dueAt: inHours(8), checks: { addressVerified: true }, lines: [{ sku: 'CHAIR-2', qty: 2, price: 60 }] } },
    { key: 'demo-6', order: { reference: 'DEMO-1006', account: 'Litware', accountTier: 'major', kind: 'pick', paymentMode: 'credit_terms', statedPriority: 'high', dueAt: inHours(24), lines: [{ sku: 'RACK-8', qty: 4, price: 900 }, { sku: 'SHELF-2', qty: 16, price: 45 }] } },
    { key: 'demo-7', order: { reference: 'DEMO-1007', account: 'Adatum', kind: 'pick', paymentMode: 'credit_terms', statedPriority: 'normal', dueAt: inHours(48), checks: { creditBalance: 12_500, creditLimit: 10_000 }, lines: [{ sku: 'PALLET-1', qty: 10, price: 25 }] } },
  ];
}

/** Areas with room for the demo's orders, beside the default area (which takes one order at a time). */
export function demoWorkAreas(): WorkArea[] {
  const area = (id: string, name: string, kind: WorkArea['kind'], wipLimit: number): WorkArea => ({
    id, name, kind, zone: null, warehouse: null, timeZone: 'UTC', status: 'open',
    capacity: { unit: 'orders', wipLimit, workloadNormHours: null, loadCorrection: 'position', starvationRelease: false },
    shiftCalendar: null, plannedLeadTimeHours: 0, releasePeriod: CONTINUOUS,
  });
  return [area('pick-b', 'Pick zone B', 'pick_zone', 6), area('drivers-central', 'Drivers, central', 'driver_pool', 4), area('line-1', 'Assembly line 1', 'production_line', 3)];
}
