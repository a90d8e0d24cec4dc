/** What may be wrong with a day, each one something a person can act on from the order it links to. */
export const DISCREPANCY_KINDS = ['short_remittance', 'over_remittance', 'short_collection', 'over_collection', 'not_closed', 'invoice_without_shipment', 'shipment_without_invoice'] as const;
export type DiscrepancyKind = (typeof DISCREPANCY_KINDS)[number];

export const DISCREPANCY_LABELS: Record<DiscrepancyKind, string> = {
  short_remittance: 'Short remittance',
  over_remittance: 'Over remittance',
  short_collection: 'Cash short collected',
  over_collection: 'Cash over collected',
  not_closed: 'Order not closed',
  invoice_without_shipment: 'Invoice without shipment',
  shipment_without_invoice: 'Shipment without invoice',
};
