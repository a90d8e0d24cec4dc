import { isRaw, JsonProperty, Utils, type AnyEntity, type Configuration, type Dictionary, type EntityData, type LoggingOptions, type RawQueryFragment } from '@mikro-orm/core';
import { AbstractSqlDriver, BaseSqliteConnection, SqlitePlatform, type NativeQueryBuilder, type QueryResult, type Transaction } from '@mikro-orm/sql';
import { CompiledQuery } from 'kysely';

type Param = string | number | bigint | Uint8Array | null;

/** A value as SQLite binds it, stored as MikroORM's SQLite platform would inline it; undefined when it cannot be one value. */
function bindable(value: unknown): Param | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.getTime();
  if (value instanceof Uint8Array) return value;
  if (Utils.isPlainObject(value) || (value as { [JsonProperty]?: unknown })[JsonProperty]) return JSON.stringify(value);
  return undefined;
}

// SQLite takes at most 32,766 parameters in one statement; a longer list (a large `$in`) is formatted as before.
const MAX_BOUND = 32_766;

/** The query with its `?` placeholders and values to bind to them, or null when MikroORM must format it (identifiers, lists, raw fragments). */
function boundQuery(sql: string, params: readonly unknown[]): { sql: string; parameters: Param[] } | null {
  if (params.length > MAX_BOUND || sql.includes('??') || sql.includes('\\?') || params.some(isRaw)) return null;
  const parameters = params.map(bindable);
  if (parameters.includes(undefined) || (sql.match(/\?/g)?.length ?? 0) !== parameters.length) return null;
  return { sql, parameters: parameters as Param[] };
}

/**
 * MikroORM's SQL connection formats every value into the query text. A string with a NUL then cuts the
 * SQL short at the NUL and a number beyond range becomes `Infinity`: both a syntax error. This binds every
 * value the text has a plain placeholder for, so no value can change a statement and SQLite sees one text
 * per statement (which the dialect prepares once); only queries with identifier placeholders or lists are
 * formatted as before.
 */
class BoundSqliteConnection extends BaseSqliteConnection {
  override async execute<T extends QueryResult | EntityData<AnyEntity> | EntityData<AnyEntity>[] = EntityData<AnyEntity>[]>(
    query: string | NativeQueryBuilder | RawQueryFragment,
    params: readonly unknown[] | Dictionary<unknown> = [],
    method: 'all' | 'get' | 'run' = 'all',
    ctx?: Transaction,
    loggerContext?: LoggingOptions,
  ): Promise<T> {
    const context = loggerContext as (LoggingOptions & { signal?: unknown; inflightQueryAbortStrategy?: unknown }) | undefined;
    const plain = typeof query === 'string' && Array.isArray(params) && context?.signal === undefined && context?.inflightQueryAbortStrategy === undefined;
    const bound = plain ? boundQuery(this.config.get('onQuery')(query, params), params) : null;
    if (!bound) return super.execute<T>(query, params, method, ctx, loggerContext);
    await this.ensureConnection();
    const logged = this.config.getLogger().isEnabled('query', loggerContext) ? this.getSql(bound.sql, this.platform.formatQuery(bound.sql, params as readonly unknown[]), loggerContext) : bound.sql;
    return this.executeQuery(
      logged,
      async () => this.transformRawResult<T>(await (ctx ?? this.getClient()).executeQuery(CompiledQuery.raw(bound.sql, bound.parameters)), method),
      { query: bound.sql, params: params as readonly unknown[], ...loggerContext },
    );
  }
}

/** MikroORM's SQLite driver, binding values instead of formatting them into the SQL text. */
export class BoundSqliteDriver extends AbstractSqlDriver<BoundSqliteConnection, SqlitePlatform> {
  constructor(config: Configuration) {
    super(config, new SqlitePlatform(), BoundSqliteConnection, ['kysely']);
  }
}
