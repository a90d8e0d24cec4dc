import { ORDER_COLUMNS, type OrderColumn } from './order-columns.ts';

const key = (userId: string) => `sluice.orders.columns.${userId}`;

/** The columns this person chose last, on this browser; none when they never chose or the storage is unusable. */
export function rememberedColumns(userId: string): OrderColumn[] | null {
  try {
    const stored = window.localStorage.getItem(key(userId))?.split(',').filter((column): column is OrderColumn => (ORDER_COLUMNS as readonly string[]).includes(column));
    return stored && stored.length > 0 ? stored : null;
  } catch {
    return null;
  }
}

export function rememberColumns(userId: string, columns: readonly OrderColumn[]): void {
  try {
    window.localStorage.setItem(key(userId), columns.join(','));
  } catch {
    // A private window may refuse storage: the choice then lasts as long as the URL that carries it.
  }
}
