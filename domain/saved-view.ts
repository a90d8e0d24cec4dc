import { z } from 'zod';
import { DESKS } from './order-desks.ts';
import { checkOrderListFilters, orderListFilterQuery } from './order-list-query.ts';
import { ID_MAX, oneLine, searchText } from './text.ts';

export const SAVED_VIEW_NAME_MAX = 80;
/** Views one person may keep: enough for every queue and habit, not a dumping ground. */
export const SAVED_VIEWS_MAX = 100;
const QUERY_MAX = 2_000;

const { cursor: _cursor, ...filters } = orderListFilterQuery;
/** What a saved view asks GET /orders: its search, desk, filters and sort, never a page (no cursor, offset or limit). */
const savedOrderQuery = z.strictObject({ q: searchText(100).optional(), desk: z.enum(DESKS).optional(), ...filters }).superRefine(checkOrderListFilters);

/** The GET /orders query string of a saved view, checked as GET /orders checks it. */
export const savedViewQuery = z
  .string()
  .max(QUERY_MAX, `at most ${QUERY_MAX} characters`)
  .superRefine((query, ctx) => {
    const params = new URLSearchParams(query);
    const keys = [...params.keys()];
    const repeated = keys.find((key, i) => keys.indexOf(key) !== i);
    if (repeated !== undefined) {
      ctx.addIssue({ code: 'custom', message: `${repeated} is given twice` });
      return;
    }
    const parsed = savedOrderQuery.safeParse(Object.fromEntries(params));
    for (const issue of parsed.error?.issues ?? []) ctx.addIssue({ code: 'custom', message: `${issue.path.join('.') || 'query'}: ${issue.message}` });
  })
  .describe('The GET /orders query string the view stands for (e.g. `kind=delivery&hold=any&sort=due&dir=asc`), without cursor, offset or limit.');

/** The orders table's columns the view shows, as the app names them; absent, the person's usual ones. */
const columns = z.array(z.string().max(40).regex(/^[A-Za-z]+$/, 'a column name')).max(30);

export const savedViewInput = z.strictObject({
  name: oneLine(SAVED_VIEW_NAME_MAX, 'a saved view needs a name').describe('Unique among the person\'s own views.'),
  query: savedViewQuery,
  columns: columns.optional(),
});
export type SavedViewInput = z.infer<typeof savedViewInput>;

export const savedView = z.object({
  id: z.string().max(ID_MAX),
  name: z.string(),
  query: z.string(),
  columns: z.array(z.string()).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedView = z.infer<typeof savedView>;
