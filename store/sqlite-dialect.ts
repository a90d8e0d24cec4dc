import { SqliteDialect } from 'kysely';
import type { DatabaseSync } from 'node:sqlite';

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
        db.exec('pragma journal_mode = wal; pragma synchronous = normal;');
        return {
          close: () => db.close(),
          prepare(sql: string) {
            const stmt = db.prepare(sql);
            return {
              reader: /^\s*(select|pragma|explain|with)/i.test(sql) || /\breturning\b/i.test(sql),
              all: (params: readonly unknown[]) => stmt.all(...(params as never[])),
              run: (params: readonly unknown[]) => stmt.run(...(params as never[])),
              iterate: (params: readonly unknown[]) => stmt.iterate(...(params as never[])),
            };
          },
        };
      },
    });
  }
}
