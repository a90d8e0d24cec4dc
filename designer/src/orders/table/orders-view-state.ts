import { DESKS, type Desk } from '../../../../domain/order-desks.ts';
import type { OrderSort, SortDirection } from '../../../../domain/order-list-query.ts';
import { COLUMN_SORTS, ORDER_COLUMNS, type OrderColumn } from './order-columns.ts';

/** The GET /orders filters the table offers, in the order its filter bar shows them. */
export const FILTER_KEYS = ['state', 'kind', 'area', 'zone', 'warehouse', 'dueFrom', 'dueTo', 'priority', 'hold', 'escalatedTo', 'lastMile'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type OrderFilters = Partial<Record<FilterKey, string>>;

/** What the orders table shows, all of it in the URL, so a pasted link opens the same view. */
export interface OrdersViewState {
  q: string;
  /** Absent: the person's own desk. */
  desk?: Desk;
  filters: OrderFilters;
  sort: OrderSort;
  dir: SortDirection;
  /** Absent: the columns the person chose last. */
  columns?: OrderColumn[];
  cursor?: string;
  /** The order whose drawer is open. */
  order?: string;
}

export const DEFAULT_SORT: { sort: OrderSort; dir: SortDirection } = { sort: 'created', dir: 'desc' };

// The app's first screen does without zod (see first-load.test.ts): the URL is checked for shape here,
// the server checks the values, and a value it refuses is named in the error the table shows.
const SHAPES: Record<FilterKey, RegExp> = {
  state: /^[a-z_]+(,[a-z_]+)*$/,
  kind: /^[a-z_]+(,[a-z_]+)*$/,
  area: /^[^\s,]{1,200}$/,
  zone: /^[^\s,]{1,200}$/,
  warehouse: /^[^\s,]{1,200}$/,
  dueFrom: /^\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:\d\d)$/,
  dueTo: /^\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:\d\d)$/,
  priority: /^[a-z]+(,[a-z]+)*$/,
  hold: /^[a-z]+$/,
  escalatedTo: /^[a-z_]+$/,
  lastMile: /^[A-Za-z ]+(,[A-Za-z ]+)*$/,
};
const SORTS = new Set<string>(Object.values(COLUMN_SORTS));
const SEARCH = /^[^\p{Cc}]{0,100}$/u;
const CURSOR = /^[A-Za-z0-9_-]{1,1200}$/;
const ORDER_ID = /^[^\s,]{1,200}$/;

/** Reads the view from a query string; a value of the wrong shape is left out rather than failing the page. */
export function readViewState(search: string): OrdersViewState {
  const params = new URLSearchParams(search);
  const get = (key: string) => params.get(key) ?? undefined;
  const filters: OrderFilters = {};
  for (const key of FILTER_KEYS) {
    const value = get(key);
    if (value !== undefined && SHAPES[key].test(value) && value.length <= 400) filters[key] = value;
  }
  for (const key of ['dueFrom', 'dueTo'] as const) if (filters[key] && Number.isNaN(Date.parse(filters[key]))) delete filters[key];
  if (filters.dueFrom && filters.dueTo && !(Date.parse(filters.dueFrom) < Date.parse(filters.dueTo))) delete filters.dueTo;
  const sort = get('sort');
  const dir = get('dir');
  const desk = get('desk');
  const columns = get('columns')
    ?.split(',')
    .filter((column): column is OrderColumn => (ORDER_COLUMNS as readonly string[]).includes(column));
  const text = get('q')?.trim() ?? '';
  const cursor = get('cursor');
  const order = get('order');
  return {
    q: SEARCH.test(text) ? text : '',
    ...(desk && (DESKS as readonly string[]).includes(desk) ? { desk: desk as Desk } : {}),
    filters,
    sort: sort && SORTS.has(sort) ? (sort as OrderSort) : DEFAULT_SORT.sort,
    dir: dir === 'asc' || dir === 'desc' ? dir : DEFAULT_SORT.dir,
    ...(columns && columns.length > 0 ? { columns: [...new Set(columns)] } : {}),
    ...(cursor && CURSOR.test(cursor) ? { cursor } : {}),
    ...(order && ORDER_ID.test(order) ? { order } : {}),
  };
}

/** The GET /orders query of the view, without paging: what a saved view keeps and a bulk job acts on. */
export function listQuery(state: OrdersViewState): URLSearchParams {
  const query = new URLSearchParams();
  if (state.q.trim()) query.set('q', state.q.trim());
  if (state.desk && state.desk !== 'all') query.set('desk', state.desk);
  for (const key of FILTER_KEYS) {
    const value = state.filters[key];
    if (value !== undefined) query.set(key, value);
  }
  if (state.sort !== DEFAULT_SORT.sort || state.dir !== DEFAULT_SORT.dir) {
    query.set('sort', state.sort);
    query.set('dir', state.dir);
  }
  return query;
}

/** The app URL of the view; `extra` keeps other parameters the view carries (a dashboard figure's move filter). */
export function viewHref(state: OrdersViewState, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({ view: 'orders' });
  for (const [key, value] of listQuery(state)) query.set(key, value);
  if (state.desk === 'all') query.set('desk', 'all');
  if (state.columns) query.set('columns', state.columns.join(','));
  if (state.cursor) query.set('cursor', state.cursor);
  for (const [key, value] of Object.entries(extra)) query.set(key, value);
  if (state.order) query.set('order', state.order);
  return `?${query}`;
}

/** The filters with one set, or left out when `value` is empty. */
export function withFilter(filters: OrderFilters, key: FilterKey, value: string | undefined): OrderFilters {
  const next = { ...filters };
  if (value) next[key] = value;
  else delete next[key];
  return next;
}
