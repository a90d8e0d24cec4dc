import { z } from 'zod';
import { LAST_MILE_STATUSES } from './last-mile.ts';
import { HOLD_TYPES, ORDER_STATES } from './lifecycle.ts';
import { ORDER_KINDS, STATED_PRIORITIES } from './order.ts';
import { ROLES } from './roles.ts';
import { ID_MAX, oneLine } from './text.ts';
import { instantInput } from './instant-input.ts';

/**
 * The orders table's columns a page can be sorted on; ties are broken by id, in the same direction.
 * `statedPriority` and `lastMile` sort by meaning (low before urgent, a last-mile status in the order of its
 * lifecycle, an order without one after all), not by their names.
 */
export const ORDER_SORTS = ['reference', 'account', 'kind', 'statedPriority', 'state', 'lastMile', 'due', 'priority', 'area', 'created', 'updated'] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];
export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

/** Sort keys that may be null (an order without a reference, or not scored yet): nulls sort as if after every value. */
export const NULLABLE_SORTS: readonly OrderSort[] = ['reference', 'priority'];

/** `hold=any`: orders with a hold; `none`: without; a hold type: with a hold of that type. */
export const HOLD_FILTERS = ['any', 'none', ...HOLD_TYPES] as const;

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Several values of an enum separated by commas, a pattern the OpenAPI document states. */
export const enumList = (values: readonly string[], what: string) => {
  const one = `(${values.map(escapeRegex).join('|')})`;
  return z
    .string()
    .max(values.reduce((n, v) => n + v.length + 1, 0) * 2)
    .regex(new RegExp(`^${one}(,${one})*$`), `${what} separated by commas, each one of: ${values.join(', ')}`);
};

export const splitList = <T extends string>(list: string | undefined): T[] | undefined => (list === undefined ? undefined : ([...new Set(list.split(','))] as T[]));

const instant = instantInput('an instant, e.g. 2030-01-31T08:00:00Z');
const oneId = oneLine(ID_MAX).regex(/^[^\s,]+$/, 'an id, without spaces or commas');

/** Longest cursor: a sort key (at most ID_MAX characters, JSON-escaped) and an id, base64url. */
export const CURSOR_MAX = 1_200;

/** The filters, sort and cursor of GET /orders, beside its older q, desk, offset and move filter. */
export const orderListFilterQuery = {
  state: enumList(ORDER_STATES, 'states').optional().describe('Only orders in one of these states.'),
  kind: enumList(ORDER_KINDS, 'kinds').optional().describe('Only orders of one of these kinds.'),
  area: oneId.optional().describe('Only orders of this work area (where they wait, or were released into).'),
  zone: oneId.optional().describe('Only orders of this zone.'),
  warehouse: oneId.optional().describe('Only orders of this warehouse.'),
  dueFrom: instant.optional().describe('Only orders due at or after this instant.'),
  dueTo: instant.optional().describe('Only orders due before this instant.'),
  priority: enumList(STATED_PRIORITIES, 'stated priorities').optional().describe('Only orders of one of these stated priorities.'),
  hold: z.enum(HOLD_FILTERS).optional().describe('any: orders on hold for some cause; none: orders without a hold; a hold type: with a hold of that type.'),
  escalatedTo: z.enum(ROLES).optional().describe('Only orders escalated to this role.'),
  lastMile: enumList(LAST_MILE_STATUSES, 'last-mile statuses').optional().describe('Only delivery orders with one of these last-mile statuses.'),
  sort: z.enum(ORDER_SORTS).default('created').describe('The column to sort on; ties are broken by id.'),
  dir: z.enum(SORT_DIRECTIONS).default('desc'),
  cursor: z.string().max(CURSOR_MAX).regex(/^[A-Za-z0-9_-]+$/, 'a cursor as another page gave it (`next` or `prev`)').optional().describe('The `next` (or `prev`) of another page: the page after (or before) it, in the same sort.'),
};

/** Filters that cannot be told apart by their shape alone. */
export function checkOrderListFilters(q: { dueFrom?: string | undefined; dueTo?: string | undefined; cursor?: string | undefined; offset?: number }, ctx: z.RefinementCtx): void {
  if (q.dueFrom !== undefined && q.dueTo !== undefined && !(Date.parse(q.dueFrom) < Date.parse(q.dueTo))) ctx.addIssue({ code: 'custom', path: ['dueTo'], message: 'the due window ends before it starts' });
  if (q.cursor !== undefined && (q.offset ?? 0) > 0) ctx.addIssue({ code: 'custom', path: ['offset'], message: 'a cursor says where the page starts: leave out offset' });
}
