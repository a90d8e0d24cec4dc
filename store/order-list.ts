import type { EntityManager } from '@mikro-orm/sql';
import { sql, type RawBuilder } from 'kysely';
import type { LastMileStatus } from '../domain/last-mile.ts';
import type { HoldType } from '../domain/lifecycle.ts';
import type { OrderListItem, OrderKind, OrderState, StatedPriority } from '../domain/order.ts';
import { DESK_FILTERS, type Desk } from '../domain/order-desks.ts';
import { NULLABLE_SORTS, type OrderSort, type SortDirection } from '../domain/order-list-query.ts';
import type { Role } from '../domain/roles.ts';
import type { TrendEvent } from '../domain/trend-events.ts';
import { dialectSql, plannedEachTime } from './dialect.ts';
import { lateSql, moveSql } from './order-moves.ts';
import { OrderRecord } from './order.entity.ts';
import { toOrderListItem } from './order-read-model.ts';
import { DATE_SORTS, encodeCursor, keyOf, type OrderCursor } from './order-list-cursor.ts';
import { matchingSearch } from './order-search.ts';
import { sqlOn } from './sql.ts';

/** The orders behind a trend's figure: those that made the move in [from, to), late ones only if asked, in these areas. */
export interface OrderMoveFilter {
  event: TrendEvent;
  from: Date;
  to: Date;
  late?: boolean;
  areaIds?: readonly string[];
}

export interface OrderListQuery {
  q?: string;
  desk?: Desk;
  moved?: OrderMoveFilter;
  states?: readonly OrderState[];
  kinds?: readonly OrderKind[];
  area?: string;
  zone?: string;
  warehouse?: string;
  dueFrom?: Date;
  dueTo?: Date;
  priorities?: readonly StatedPriority[];
  hold?: 'any' | 'none' | HoldType;
  escalatedTo?: Role;
  lastMile?: readonly LastMileStatus[];
  sort?: OrderSort;
  dir?: SortDirection;
  cursor?: OrderCursor;
  offset?: number;
  limit?: number;
}

export interface OrderListPage {
  orders: OrderListItem[];
  /** How many orders match, exact up to COUNT_CAP; past it, COUNT_CAP and `totalExact` false ("at least"). */
  total: number;
  totalExact: boolean;
  /** The cursor of the page after this one, null on the last page. */
  next: string | null;
  /** The cursor of the page before this one, null on the first page. */
  prev: string | null;
}

/*
 * Counting a million matching rows costs more than the page itself; past this many a person needs a
 * narrower filter, not the exact number.
 */
export const COUNT_CAP = 10_000;

const SORT_COLUMNS: Record<OrderSort, string> = {
  reference: 'reference',
  account: 'account',
  kind: 'kind',
  statedPriority: 'stated_priority_rank',
  state: 'state',
  lastMile: 'last_mile_rank',
  due: 'due_at',
  priority: 'priority_score',
  area: 'work_area_id',
  created: 'created_at',
  updated: 'updated_at',
};
const ALL = sql<boolean>`1 = 1`;

function movedIn(em: EntityManager, m: OrderMoveFilter): RawBuilder<boolean> {
  const areas = m.areaIds?.length ? sql`and o.work_area_id in (${sql.join([...m.areaIds])})` : sql``;
  const late = m.late ? sql`and ${lateSql(em, m.event)}` : sql``;
  return sql`o.id in (select a.subject_id from audit_log a join orders o on o.id = a.subject_id join work_areas w on w.id = o.work_area_id
    where a.at >= ${m.from} and a.at < ${m.to} and a.subject_type = ${'order'} and ${moveSql(m.event)} ${late} ${areas})`;
}

function onDesk(desk: Desk): RawBuilder<boolean>[] {
  if (desk === 'all') return [];
  const { states, escalatedTo } = DESK_FILTERS[desk];
  // An order carries an escalation only while escalated: naming the state lets the state index serve both branches.
  const escalated = escalatedTo.length > 0 ? sql`or (o.state = ${'escalated'} and o.escalation ->> 'role' in (${sql.join([...escalatedTo])}))` : sql``;
  return [sql<boolean>`(o.state in (${sql.join([...states])}) ${escalated})`];
}

/*
 * What `q` matches: an id exactly (ids are uuids, no one types part of one); a reference or an account by
 * its beginning, ASCII letters in either case (what people type first; a contains match would read every
 * row's text for every keystroke); a SKU of a line or a zone exactly (order-search.ts).
 * What a person types names few orders, and the planner is told so, unless it names a zone: a fifth of
 * the orders may be in one, and those are read in the page's sort rather than all looked up and sorted.
 */
async function matching(em: EntityManager, q: string): Promise<RawBuilder<boolean>> {
  const terms = matchingSearch(em, q);
  const { rare } = dialectSql(em);
  if (!rare) return terms;
  const { rows } = await sql`select 1 from orders where zone = ${q} limit 1`.execute(sqlOn(em));
  return rows.length > 0 ? terms : rare(terms);
}

function holding(em: EntityManager, hold: NonNullable<OrderListQuery['hold']>): RawBuilder<boolean> {
  const holds = dialectSql(em).jsonArrayElements(sql`o.holds`);
  if (hold === 'none') return sql<boolean>`not exists (select 1 from ${holds})`;
  // Most orders never had a hold: the null test passes them over without opening their JSON.
  if (hold === 'any') return sql<boolean>`o.holds is not null and exists (select 1 from ${holds})`;
  return sql<boolean>`o.holds is not null and exists (select 1 from ${holds} where e.value ->> 'type' = ${hold})`;
}

const inList = (column: RawBuilder<unknown>, values: readonly string[] | undefined) => (values?.length ? [sql<boolean>`${column} in (${sql.join([...values])})`] : []);
const equals = (column: RawBuilder<unknown>, value: string | undefined) => (value !== undefined ? [sql<boolean>`${column} = ${value}`] : []);

async function filtersOf(em: EntityManager, f: OrderListQuery): Promise<RawBuilder<boolean>[]> {
  return [
    ...(f.q ? [await matching(em, f.q)] : []),
    ...onDesk(f.desk ?? 'all'),
    ...(f.moved ? [movedIn(em, f.moved)] : []),
    ...inList(sql`o.state`, f.states),
    ...inList(sql`o.kind`, f.kinds),
    ...equals(sql`o.work_area_id`, f.area),
    ...equals(sql`o.zone`, f.zone),
    ...equals(sql`o.warehouse`, f.warehouse),
    ...(f.dueFrom ? [sql<boolean>`o.due_at >= ${f.dueFrom}`] : []),
    ...(f.dueTo ? [sql<boolean>`o.due_at < ${f.dueTo}`] : []),
    ...inList(sql`o.stated_priority`, f.priorities),
    ...(f.hold ? [holding(em, f.hold)] : []),
    ...(f.escalatedTo ? [sql<boolean>`o.state = ${'escalated'} and o.escalation ->> 'role' = ${f.escalatedTo}`] : []),
    ...inList(sql`o.last_mile_status`, f.lastMile),
  ];
}

/*
 * The orders after the cursor, in the sort: a later key, or the same key and a later id, said as one
 * comparison of (key, id), which both stores read as a range of the sort's index (SQLite read every match
 * of a filter's index for `key > ? or (key = ? and id > ?)`). A null key sorts after every value ascending
 * and before every value descending (PostgreSQL's own order, which its indexes serve both ways).
 */
function after(c: OrderCursor): RawBuilder<boolean> {
  const column = sql.ref(`o.${SORT_COLUMNS[c.sort]}`);
  const key = c.key !== null && DATE_SORTS.includes(c.sort) ? new Date(c.key) : c.key;
  const nullable = NULLABLE_SORTS.includes(c.sort);
  if (c.dir === 'asc') {
    if (key === null) return sql<boolean>`(${column} is null and o.id > ${c.id})`;
    return sql<boolean>`((${column}, o.id) > (${key}, ${c.id})${nullable ? sql` or ${column} is null` : sql``})`;
  }
  if (key === null) return sql<boolean>`(${column} is not null or o.id < ${c.id})`;
  return sql<boolean>`(${column}, o.id) < (${key}, ${c.id})`;
}

function orderBy(sort: OrderSort, dir: SortDirection): RawBuilder<unknown> {
  const column = sql.ref(`o.${SORT_COLUMNS[sort]}`);
  const nulls = NULLABLE_SORTS.includes(sort) ? sql.raw(dir === 'asc' ? ' nulls last' : ' nulls first') : sql``;
  return dir === 'asc' ? sql`${column} asc${nulls}, o.id asc` : sql`${column} desc${nulls}, o.id desc`;
}

const flip = (dir: SortDirection): SortDirection => (dir === 'asc' ? 'desc' : 'asc');

/**
 * A page of the orders matching the query, in its sort (newest first by default), from the cursor or the
 * offset. A page before a cursor is read in the opposite direction (the same index, walked back) and turned round.
 */
export async function listOrders(em: EntityManager, query: OrderListQuery = {}): Promise<OrderListPage> {
  const { sort = 'created', dir = 'desc', cursor, offset = 0, limit = 500 } = query;
  const back = cursor?.back === true;
  const walk = back ? flip(dir) : dir;
  const db = sqlOn(em);
  const filters = await filtersOf(em, query);
  const where = (more: RawBuilder<boolean>[]) => (filters.length + more.length > 0 ? sql.join([...filters, ...more], sql` and `) : ALL);
  const { rows } = await plannedEachTime(sql<{ id: string; k: unknown }>`select o.id, ${sql.ref(`o.${SORT_COLUMNS[sort]}`)} as k from orders o
    where ${where(cursor ? [after({ ...cursor, dir: walk })] : [])} order by ${orderBy(sort, walk)} limit ${limit + 1} offset ${offset}`).execute(db);
  const more = rows.length > limit;
  const page = back ? rows.slice(0, limit).reverse() : rows.slice(0, limit);
  const counted = await plannedEachTime(sql<{ n: number | string }>`select count(*) as n from (select 1 from orders o where ${where([])} limit ${COUNT_CAP + 1}) t`).execute(db);
  const n = Number(counted.rows[0]?.n ?? 0);
  const found = page.length === 0 ? [] : await em.find(OrderRecord, { id: { $in: page.map((r) => r.id) } }, { exclude: ['lines'] });
  const byId = new Map(found.map((o) => [o.id, o]));
  const [first, last] = [page.at(0), page.at(-1)];
  const at = (row: { id: string; k: unknown }, before: boolean) => encodeCursor({ sort, dir, key: keyOf(sort, row.k), id: row.id, ...(before ? { back: true } : {}) });
  const hasAfter = back || more;
  const hasBefore = back ? more : cursor !== undefined || offset > 0;
  return {
    orders: page.flatMap((r) => {
      const order = byId.get(r.id);
      return order ? [toOrderListItem(order)] : [];
    }),
    total: Math.min(n, COUNT_CAP),
    totalExact: n <= COUNT_CAP,
    next: hasAfter && last ? at(last, false) : null,
    prev: hasBefore && first ? at(first, true) : null,
  };
}
