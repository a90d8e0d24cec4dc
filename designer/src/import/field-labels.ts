import type { ImportField } from '../../../domain/order-import.ts';

/** The order fields as a dispatcher knows them, in the order the mapping table lists them. */
export const FIELD_LABELS: Record<ImportField, string> = {
  reference: 'Reference',
  account: 'Account (required)',
  dueAt: 'Due time (required)',
  kind: 'Kind',
  statedPriority: 'Priority',
  paymentMode: 'Payment mode',
  carrierType: 'Carrier type',
  codAmount: 'COD amount (cash on delivery only)',
  pickupLat: 'Pickup latitude (degrees)',
  pickupLng: 'Pickup longitude (degrees)',
  dropoffLat: 'Drop-off latitude (degrees)',
  dropoffLng: 'Drop-off longitude (degrees)',
  zone: 'Zone',
  warehouse: 'Warehouse',
  workAreaId: 'Work area',
  lines: 'Lines, e.g. "SKU-1 x2; SKU-2 x1"',
  sku: 'SKU (one-line orders)',
  qty: 'Quantity (one-line orders)',
  price: 'Price (one-line orders)',
};

export const OUTCOME_LABELS = { pending: 'Not checked', valid: 'Good', invalid: 'Invalid', duplicate: 'Duplicate', created: 'Created', rejected: 'Rejected' } as const;
