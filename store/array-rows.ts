import { sql, type RawBuilder } from 'kysely';

/**
 * A select whose text ends with this comment gets each row as an array of its values in select-list order,
 * on SQLite and on PostgreSQL (their drivers look for it): for reads of very many rows, where building an
 * object per row costs more than the query (node:sqlite makes each a dictionary of its columns).
 */
export const ARRAY_ROWS = '/* rows as arrays */';

/** `query`, answered with array rows. */
export const withArrayRows = <Row extends readonly unknown[]>(query: RawBuilder<unknown>): RawBuilder<Row> => sql<Row>`${query} ${sql.raw(ARRAY_ROWS)}`;
