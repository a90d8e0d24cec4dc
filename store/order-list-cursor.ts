import { z } from 'zod';
import { NULLABLE_SORTS, ORDER_SORTS, SORT_DIRECTIONS, type OrderSort, type SortDirection } from '../domain/order-list-query.ts';
import { ID_MAX } from '../domain/text.ts';
import { dateOf, type DateColumn } from './sql.ts';

export const DATE_SORTS: readonly OrderSort[] = ['due', 'created', 'updated'];
/** Sorts on a number: the score, and the ranks the stated priority and last-mile status sort by. */
const NUMBER_SORTS: readonly OrderSort[] = ['priority', 'statedPriority', 'lastMile'];

/** Where a page ends: its last order's sort key and id, in a sort. Opaque to callers. */
export interface OrderCursor {
  sort: OrderSort;
  dir: SortDirection;
  /** The sort key: text, a number, an instant as ISO text, or null for an order without one. */
  key: string | number | null;
  id: string;
  /** The page before this order rather than after it. */
  back?: boolean;
}

const cursorShape = z.strictObject({
  s: z.enum(ORDER_SORTS),
  d: z.enum(SORT_DIRECTIONS),
  k: z.union([z.string().max(ID_MAX * 2), z.number(), z.null()]),
  i: z.string().min(1).max(ID_MAX * 2),
  b: z.literal(1).optional(),
});

export const encodeCursor = (c: OrderCursor): string => Buffer.from(JSON.stringify({ s: c.sort, d: c.dir, k: c.key, i: c.id, ...(c.back ? { b: 1 } : {}) })).toString('base64url');

/** The cursor, or null when the text is not one this server gave. */
export function decodeCursor(text: string): OrderCursor | null {
  try {
    const parsed = cursorShape.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    if (!parsed.success) return null;
    const { s: sort, d: dir, k: key, i: id, b } = parsed.data;
    return fitsSort(sort, key) ? { sort, dir, key, id, ...(b ? { back: true } : {}) } : null;
  } catch {
    return null;
  }
}

function fitsSort(sort: OrderSort, key: string | number | null): boolean {
  if (key === null) return NULLABLE_SORTS.includes(sort);
  // Instants of years 0000–9999 only, as the server writes them: PostgreSQL refuses to bind some JavaScript dates.
  if (DATE_SORTS.includes(sort)) return typeof key === 'string' && /^\d{4}-\d\d-\d\dT/.test(key) && !Number.isNaN(Date.parse(key));
  return NUMBER_SORTS.includes(sort) ? typeof key === 'number' : typeof key === 'string';
}

/** A row's sort key as a cursor holds it: instants as ISO text, whatever each store reads them as. */
export const keyOf = (sort: OrderSort, value: unknown): string | number | null =>
  value === null || value === undefined ? null : DATE_SORTS.includes(sort) ? dateOf(value as DateColumn).toISOString() : typeof value === 'number' ? value : String(value);
