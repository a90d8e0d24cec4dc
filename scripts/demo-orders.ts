import type { NewOrder } from '../domain/order.ts';

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

/** A few orders that show the priority rules at work: overdue, due soon, high value, low with slack. */
export function demoOrders(): { key: string; order: NewOrder }[] {
  return [
    { key: 'demo-1', order: { reference: 'DEMO-1001', account: 'Northwind', kind: 'pick', statedPriority: 'urgent', dueAt: inHours(30), lines: [{ sku: 'BOLT-M6', qty: 200, price: 0.4 }] } },
    { key: 'demo-2', order: { reference: 'DEMO-1002', account: 'Contoso', kind: 'pick', statedPriority: 'normal', dueAt: inHours(2), lines: [{ sku: 'PUMP-2', qty: 1, price: 840 }] } },
    { key: 'demo-3', order: { reference: 'DEMO-1003', account: 'Fabrikam', kind: 'pick', statedPriority: 'high', dueAt: inHours(-1), lines: [{ sku: 'VALVE-9', qty: 12, price: 65 }] } },
    { key: 'demo-4', order: { reference: 'DEMO-1004', account: 'Tailspin', kind: 'pick', statedPriority: 'low', dueAt: inHours(72), lines: [{ sku: 'CRATE-L', qty: 40, price: 150 }] } },
  ];
}
