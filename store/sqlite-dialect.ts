import { SqliteDialect } from 'kysely';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { ARRAY_ROWS } from './array-rows.ts';

const STATEMENT_CACHE_SIZE = 500;

/** A value as SQLite binds it, stored as MikroORM's SQLite platform stores it: dates as epoch milliseconds, booleans as 0 or 1. */
export const sqliteValue = (value: unknown): unknown => (value instanceof Date ? value.getTime() : typeof value === 'boolean' ? Number(value) : value);
const encode = (params: readonly unknown[]) => params.map(sqliteValue) as never[];

/**
 * Kysely dialect over `node:sqlite`, set up for several processes sharing one file: the API and the
 * worker write concurrently, so the file runs in WAL mode and waits on a busy lock instead of failing.
 * (MikroORM's own NodeSqliteDialect opens the file with no busy timeout.)
 */
export class SharedSqliteDialect extends SqliteDialect {
  constructor(file: string, busyTimeoutMs = 10_000) {
    super({
      database: async () => {
        const { DatabaseSync: Database } = process.getBuiltinModule('node:sqlite');
        const db: DatabaseSync = new Database(file, { timeout: busyTimeoutMs });
        // A larger page cache and memory-mapped reads: every order writes a dozen small transactions to the same few tables.
        db.exec('pragma journal_mode = wal; pragma synchronous = normal; pragma cache_size = -65536; pragma mmap_size = 268435456; pragma temp_store = memory;');
        // The ORM sends the same few statements over and over: preparing each once saves a parse per query.
        const prepared = new Map<string, StatementSync>();
        const statement = (sql: string) => {
          let stmt = prepared.get(sql);
          if (!stmt) {
            if (prepared.size >= STATEMENT_CACHE_SIZE) prepared.delete(prepared.keys().next().value!);
            prepared.set(sql, (stmt = db.prepare(sql)));
            if (sql.endsWith(ARRAY_ROWS)) stmt.setReturnArrays(true);
          }
          return stmt;
        };
        return {
          close: () => db.close(),
          prepare(sql: string) {
            return {
              reader: /^\s*(select|pragma|explain|with)/i.test(sql) || /\breturning\b/i.test(sql),
              all: (params: readonly unknown[]) => statement(sql).all(...encode(params)),
              run: (params: readonly unknown[]) => statement(sql).run(...encode(params)),
              // An iterator keeps its statement busy until it is finished: it gets a statement of its own.
              iterate: (params: readonly unknown[]) => db.prepare(sql).iterate(...encode(params)),
            };
          },
        };
      },
    });
  }
}
