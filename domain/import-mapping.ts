import type { ImportField, ImportMapping } from './order-import.ts';

/** Header names (lower case, without spaces, dashes, dots or underscores) that suggest each field. */
const NAMES: Record<ImportField, readonly string[]> = {
  reference: ['reference', 'ref', 'orderreference', 'orderref', 'ordernumber', 'orderno', 'order', 'po', 'ponumber'],
  account: ['account', 'customer', 'client', 'accountid', 'customerid', 'accountname', 'customername'],
  kind: ['kind', 'type', 'ordertype', 'orderkind'],
  dueAt: ['due', 'dueat', 'duetime', 'duedate', 'deadline', 'dueby', 'deliverby'],
  zone: ['zone', 'deliveryzone', 'area'],
  warehouse: ['warehouse', 'site', 'depot', 'dc'],
  workAreaId: ['workarea', 'workareaid', 'line', 'station'],
  paymentMode: ['payment', 'paymentmode', 'paymentterms', 'pay'],
  carrierType: ['carrier', 'carriertype', 'carrierkind', 'shipvia', 'shipwith'],
  codAmount: ['cod', 'codamount', 'codvalue', 'cashondelivery', 'cashtocollect', 'collect', 'amounttocollect'],
  statedPriority: ['priority', 'statedpriority', 'urgency'],
  pickupLat: ['pickuplat', 'pickuplatitude', 'fromlat', 'originlat'],
  pickupLng: ['pickuplng', 'pickuplon', 'pickuplong', 'pickuplongitude', 'fromlng', 'fromlon', 'originlng', 'originlon'],
  dropoffLat: ['dropofflat', 'dropofflatitude', 'deliverylat', 'tolat', 'destinationlat', 'lat', 'latitude'],
  dropoffLng: ['dropofflng', 'dropofflon', 'dropofflong', 'dropofflongitude', 'deliverylng', 'deliverylon', 'tolng', 'tolon', 'destinationlng', 'lng', 'lon', 'longitude'],
  lines: ['lines', 'orderlines', 'items', 'products'],
  sku: ['sku', 'item', 'product', 'article', 'partnumber'],
  qty: ['qty', 'quantity', 'units', 'count'],
  price: ['price', 'unitprice', 'cost'],
};

export const headerKey = (header: string) => header.toLowerCase().replace(/[\s_.\-#]+/g, '');

/**
 * A mapping guessed from the file's headers: each field takes the first header whose name is one of its
 * usual names; a header fills one field at most, and a lines column rules out the sku, qty and price ones.
 */
export function suggestMapping(headers: readonly string[]): Partial<Record<ImportField, string>> {
  const mapping: Partial<Record<ImportField, string>> = {};
  const taken = new Set<string>();
  for (const field of Object.keys(NAMES) as ImportField[]) {
    const header = headers.find((h) => !taken.has(h) && NAMES[field].includes(headerKey(h)));
    if (header === undefined) continue;
    mapping[field] = header;
    taken.add(header);
  }
  if (mapping.lines !== undefined) for (const field of ['sku', 'qty', 'price'] as const) delete mapping[field];
  return mapping;
}

/** The mapping's headers the file does not have. */
export const unknownHeaders = (mapping: ImportMapping, headers: readonly string[]) => Object.values(mapping).filter((h) => !headers.includes(h));
