import { BULK_JOB_MAX_ORDERS, type BulkSelection } from '../../../domain/bulk-job.ts';
import { humanize } from '../format/labels.ts';

/** What a link to the Bulk screen selects: `?orders=<ids, commas>` (rows picked in the orders table) or `?filter=<a GET /orders query string>`. */
export function selectionIn(search: string): BulkSelection | null {
  const params = new URLSearchParams(search);
  const filter = params.get('filter');
  if (filter !== null) return { filter };
  const orders = parseOrderList(params.get('orders') ?? '');
  return orders.length ? { orderIds: orders } : null;
}

/** Ids or references pasted by a person: one a line, or separated by commas, spaces or tabs (a spreadsheet column). */
export function parseOrderList(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter((entry) => entry.length > 0))].slice(0, BULK_JOB_MAX_ORDERS + 1);
}

const FILTER_WORDS: Record<string, string> = { q: 'search', state: 'state', kind: 'kind', area: 'area', zone: 'zone', warehouse: 'warehouse', priority: 'priority', hold: 'hold', escalatedTo: 'escalated to', lastMile: 'last-mile status', dueFrom: 'due from', dueTo: 'due before', desk: 'desk' };
const IGNORED = new Set(['sort', 'dir', 'cursor', 'offset', 'limit', 'view']);

/** "state released, kind delivery": a filter in a dispatcher's words. */
export function describeFilter(filter: string): string {
  const parts = [...new URLSearchParams(filter)]
    .filter(([key, value]) => !IGNORED.has(key) && value !== '' && !(key === 'desk' && value === 'all'))
    .map(([key, value]) => `${FILTER_WORDS[key] ?? key} ${value.split(',').map((v) => (key === 'q' ? `“${v}”` : humanize(v).toLowerCase())).join(' or ')}`);
  return parts.length ? parts.join(', ') : 'every order';
}

/** "12 orders", "all 3,410 orders matching: state released, kind delivery". */
export function describeSelection(selection: BulkSelection, total: number | null): string {
  const count = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'order' : 'orders'}`;
  if ('orderIds' in selection) return count(total ?? selection.orderIds.length);
  return `${total === null ? 'all orders' : `all ${count(total)}`} matching: ${describeFilter(selection.filter)}`;
}
