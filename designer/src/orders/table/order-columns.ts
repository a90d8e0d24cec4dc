import type { OrderSort } from '../../../../domain/order-list-query.ts';

/** The orders table's columns, in the order they show. */
export const ORDER_COLUMNS = ['reference', 'account', 'kind', 'statedPriority', 'score', 'state', 'lastMile', 'due', 'area', 'created'] as const;
export type OrderColumn = (typeof ORDER_COLUMNS)[number];

export const COLUMN_LABELS: Record<OrderColumn, string> = {
  reference: 'Order',
  account: 'Account',
  kind: 'Kind',
  statedPriority: 'Stated priority',
  score: 'Effective score',
  state: 'State',
  lastMile: 'Last mile',
  due: 'Due',
  area: 'Work area',
  created: 'Taken',
};

/** The server's sort behind each column (every column has one). */
export const COLUMN_SORTS: Partial<Record<OrderColumn, OrderSort>> = {
  reference: 'reference',
  account: 'account',
  kind: 'kind',
  statedPriority: 'statedPriority',
  score: 'priority',
  state: 'state',
  lastMile: 'lastMile',
  due: 'due',
  area: 'area',
  created: 'created',
};

/** The order column always shows: it names the row and opens the order. */
export const FIXED_COLUMNS: readonly OrderColumn[] = ['reference'];

export const DEFAULT_COLUMNS: readonly OrderColumn[] = ['reference', 'account', 'kind', 'statedPriority', 'score', 'state', 'lastMile', 'due', 'area'];
