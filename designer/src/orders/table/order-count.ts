const fmt = new Intl.NumberFormat('en');

/** "1,234 orders", or "more than 10,000 orders" when the server stopped counting. */
export const orderCount = (total: number, exact: boolean): string =>
  exact ? `${fmt.format(total)} ${total === 1 ? 'order' : 'orders'}` : `more than ${fmt.format(total)} orders`;
