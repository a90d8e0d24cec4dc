/** What the store knows of an order's lines: which SKUs the catalogue has, which its warehouse cannot cover, and each SKU's list price. */
export interface InventoryFactsInput {
  lines: readonly { sku: string; qty: number; price: number }[];
  /** Active catalogue SKUs. */
  known: ReadonlySet<string>;
  /** Catalogue SKUs the warehouse cannot cover; null when the stock was not looked at (the order names no warehouse). */
  short: ReadonlySet<string> | null;
  /** A catalogue SKU's price on the account's list, else on the default list; absent when no list prices it. */
  listPrices: ReadonlyMap<string, number>;
}

/** A cent's fraction: prices are money, and a float's last digit is not a mismatch. */
const PRICE_TOLERANCE = 1e-6;

/**
 * The intake facts from stock and prices. An order none of whose SKUs the catalogue knows gets none of
 * them, so the capturing system's own `checks.inventoryShort` and `priceOverride` decide for it.
 */
export function inventoryFacts({ lines, known, short, listPrices }: InventoryFactsInput): Record<string, unknown> {
  const catalogued = lines.filter((l) => known.has(l.sku));
  if (catalogued.length === 0) return {};
  const priced = catalogued.filter((l) => listPrices.has(l.sku));
  const stock = short === null ? {} : { inventoryShort: short.size > 0, linesShort: catalogued.filter((l) => short.has(l.sku)).length };
  return {
    ...stock,
    unknownSkus: lines.length - catalogued.length,
    ...(priced.length > 0 ? { priceMismatch: priced.some((l) => Math.abs(l.price - listPrices.get(l.sku)!) > PRICE_TOLERANCE) } : {}),
  };
}
