import { isRaw, JsonProperty, Utils, type AnyEntity, type Configuration, type Dictionary, type EntityData, type LoggingOptions, type RawQueryFragment } from '@mikro-orm/core';
import { PostgreSqlConnection, PostgreSqlPlatform } from '@mikro-orm/postgresql';
import type { AbstractSqlConnection} from '@mikro-orm/sql';
import { AbstractSqlDriver, BaseSqliteConnection, SqlitePlatform, type NativeQueryBuilder, type QueryResult, type Transaction } from '@mikro-orm/sql';
import { CompiledQuery } from 'kysely';
import { sqliteValue } from './sqlite-dialect.ts';

/** How one database takes bound values: its placeholder for the i-th value (from 0), and a value as it binds it. */
interface Binding {
  placeholder: (i: number) => string;
  bindable: (value: unknown) => unknown;
}

const isJson = (value: unknown) => Utils.isPlainObject(value) || Boolean((value as { [JsonProperty]?: unknown })[JsonProperty]);

/** Undefined when the value cannot be bound as one value: MikroORM formats the query as before. */
function plainValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (['string', 'number', 'bigint', 'boolean'].includes(typeof value) || value instanceof Date || value instanceof Uint8Array) return value;
  if (isJson(value)) return JSON.stringify(value);
  return undefined;
}

const SQLITE: Binding = { placeholder: () => '?', bindable: (v) => sqliteValue(plainValue(v)) };
// pg sends a Date as a timestamp with its offset and a boolean as true/false.
const POSTGRES: Binding = { placeholder: (i) => `$${i + 1}`, bindable: plainValue };

// SQLite takes at most 32,766 parameters in one statement (PostgreSQL 65,535); a longer list (a large `$in`) is formatted as before.
const MAX_BOUND = 32_766;

/** The query with its placeholders and values to bind to them, or null when MikroORM must format it (identifiers, lists, raw fragments). */
function boundQuery(sql: string, params: readonly unknown[], binding: Binding): { sql: string; parameters: unknown[] } | null {
  if (params.length > MAX_BOUND || sql.includes('??') || sql.includes('\\?') || params.some(isRaw)) return null;
  const parameters = params.map(binding.bindable);
  if (parameters.includes(undefined) || (sql.match(/\?/g)?.length ?? 0) !== parameters.length) return null;
  let i = 0;
  return { sql: sql.replace(/\?/g, () => binding.placeholder(i++)), parameters };
}

// A mixin's base must be typed with `any[]` arguments (TypeScript's rule for mixins).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ConnectionClass = abstract new (...args: any[]) => AbstractSqlConnection;

/**
 * MikroORM's SQL connections format every value into the query text. A string with a NUL then cuts the
 * SQL short at the NUL and a number beyond range becomes `Infinity`: both a syntax error. This binds every
 * value the text has a plain placeholder for, so no value can change a statement and the database sees one
 * text per statement (which SQLite's dialect prepares once); only queries with identifier placeholders or
 * lists are formatted as before.
 */
function binding<C extends ConnectionClass>(Base: C, how: Binding) {
  abstract class BoundConnection extends Base {
    override async execute<T extends QueryResult | EntityData<AnyEntity> | EntityData<AnyEntity>[] = EntityData<AnyEntity>[]>(
      query: string | NativeQueryBuilder | RawQueryFragment,
      params: readonly unknown[] | Dictionary<unknown> = [],
      method: 'all' | 'get' | 'run' = 'all',
      ctx?: Transaction,
      loggerContext?: LoggingOptions,
    ): Promise<T> {
      const context = loggerContext as (LoggingOptions & { signal?: unknown; inflightQueryAbortStrategy?: unknown }) | undefined;
      const plain = typeof query === 'string' && Array.isArray(params) && context?.signal === undefined && context?.inflightQueryAbortStrategy === undefined;
      const text = plain ? this.config.get('onQuery')(query, params) : '';
      const bound = plain ? boundQuery(text, params, how) : null;
      if (!bound) return super.execute<T>(query, params, method, ctx, loggerContext);
      await this.ensureConnection();
      const logged = this.config.getLogger().isEnabled('query', loggerContext) ? this.getSql(bound.sql, this.platform.formatQuery(text, params as readonly unknown[]), loggerContext) : bound.sql;
      return this.executeQuery(
        logged,
        async () => this.transformRawResult<T>(await (ctx ?? this.getClient()).executeQuery(CompiledQuery.raw(bound.sql, bound.parameters)), method),
        { query: bound.sql, params: params as readonly unknown[], ...loggerContext },
      );
    }
  }
  return BoundConnection;
}

class BoundSqliteConnection extends binding(BaseSqliteConnection, SQLITE) {}
class BoundPostgreSqlConnection extends binding(PostgreSqlConnection, POSTGRES) {}

/** MikroORM's SQLite driver, binding values instead of formatting them into the SQL text. */
export class BoundSqliteDriver extends AbstractSqlDriver<BoundSqliteConnection, SqlitePlatform> {
  constructor(config: Configuration) {
    super(config, new SqlitePlatform(), BoundSqliteConnection, ['kysely']);
  }
}

/**
 * PostgreSQL's columns hold what SQLite's hold, so a value the zod schemas accept fits on both: strings
 * without a stated length are unbounded (a varchar(255) default would turn a longer valid reason or note
 * into a server error), and a float is a double, as a JavaScript number is (PostgreSQL's default, real,
 * refuses a valid 5e-324).
 */
class SqliteLikePostgreSqlPlatform extends PostgreSqlPlatform {
  override getVarcharTypeDeclarationSQL(column: { length?: number }): string {
    return column.length === undefined ? 'varchar' : super.getVarcharTypeDeclarationSQL(column);
  }

  override getFloatDeclarationSQL(): string {
    return this.getDoubleDeclarationSQL();
  }
}

/** MikroORM's PostgreSQL driver, binding values instead of formatting them into the SQL text. */
export class BoundPostgreSqlDriver extends AbstractSqlDriver<BoundPostgreSqlConnection, PostgreSqlPlatform> {
  constructor(config: Configuration) {
    super(config, new SqliteLikePostgreSqlPlatform(), BoundPostgreSqlConnection, ['kysely', 'pg']);
  }
}
