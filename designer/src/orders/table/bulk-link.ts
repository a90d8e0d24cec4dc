/**
 * The bulk screen's URL, the contract with it: the ticked orders by id, or every order the view's
 * GET /orders query matches (no cursor, no limit), however many pages that is.
 */
export function bulkHref(selection: { orders: readonly string[] } | { filter: URLSearchParams }): string {
  const query = new URLSearchParams({ view: 'bulk' });
  if ('orders' in selection) query.set('orders', selection.orders.join(','));
  else query.set('filter', selection.filter.toString());
  return `?${query}`;
}
