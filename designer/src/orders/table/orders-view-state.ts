import { DESKS, type Desk } from '../../../../domain/order-desks.ts';
import { orderListFilterQuery, ORDER_SORTS, SORT_DIRECTIONS, type OrderSort, type SortDirection } from '../../../../domain/order-list-query.ts';
import { searchText } from '../../../../domain/text.ts';
import { ORDER_COLUMNS, type OrderColumn } from './order-columns.ts';

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

const q = searchText(100);
const idOf = orderListFilterQuery.zone;

/** Reads the view from a query string; a value the server would refuse is left out rather than failing the page. */
export function readViewState(search: string): OrdersViewState {
  const params = new URLSearchParams(search);
  const get = (key: string) => params.get(key) ?? undefined;
  const filters: OrderFilters = {};
  for (const key of FILTER_KEYS) {
    const parsed = orderListFilterQuery[key].safeParse(get(key));
    if (parsed.success && parsed.data !== undefined) filters[key] = parsed.data;
  }
  if (filters.dueFrom && filters.dueTo && !(Date.parse(filters.dueFrom) < Date.parse(filters.dueTo))) delete filters.dueTo;
  const sort = get('sort');
  const dir = get('dir');
  const desk = get('desk');
  const columns = get('columns')
    ?.split(',')
    .filter((column): column is OrderColumn => (ORDER_COLUMNS as readonly string[]).includes(column));
  const text = q.safeParse(get('q') ?? '');
  const cursor = orderListFilterQuery.cursor.safeParse(get('cursor'));
  const order = idOf.safeParse(get('order'));
  return {
    q: text.success ? text.data : '',
    ...(desk && (DESKS as readonly string[]).includes(desk) ? { desk: desk as Desk } : {}),
    filters,
    sort: sort && (ORDER_SORTS as readonly string[]).includes(sort) ? (sort as OrderSort) : DEFAULT_SORT.sort,
    dir: dir && (SORT_DIRECTIONS as readonly string[]).includes(dir) ? (dir as SortDirection) : DEFAULT_SORT.dir,
    ...(columns && columns.length > 0 ? { columns: [...new Set(columns)] } : {}),
    ...(cursor.success && cursor.data ? { cursor: cursor.data } : {}),
    ...(order.success && order.data ? { order: order.data } : {}),
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
