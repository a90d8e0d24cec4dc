import { keepPageCookie, pageCookie } from '../../ssr/rendered-page.ts';
import { ORDER_COLUMNS, type OrderColumn } from './order-columns.ts';

// A cookie, not local storage: the server renders the first page of the table with the person's columns.
const cookie = (userId: string) => `sluice.orders.columns.${userId}`;

/** The columns this person chose last, on this browser; none when they never chose. */
export function rememberedColumns(userId: string): OrderColumn[] | null {
  const stored = pageCookie(cookie(userId))?.split(',').filter((column): column is OrderColumn => (ORDER_COLUMNS as readonly string[]).includes(column));
  return stored && stored.length > 0 ? stored : null;
}

export function rememberColumns(userId: string, columns: readonly OrderColumn[]): void {
  keepPageCookie(cookie(userId), columns.join(','));
}
