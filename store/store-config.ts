import { resolve } from 'node:path';
import { repoRoot } from '../launcher/repo-root.ts';

/** Which database a process keeps its data in: the embedded SQLite file, or a PostgreSQL server. */
export type StoreConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

/**
 * The store named by the environment: `SLUICE_DATABASE_URL` (`postgres://…`, or `sqlite:<file>`), else
 * `SLUICE_DB_FILE`, else `.data/sluice.sqlite` in the repository.
 */
export function storeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const url = env.SLUICE_DATABASE_URL?.trim();
  if (url && /^postgres(ql)?:\/\//i.test(url)) return { kind: 'postgres', url };
  if (url && url.startsWith('sqlite:')) return { kind: 'sqlite', file: resolve(repoRoot, url.slice('sqlite:'.length)) };
  if (url) throw new Error(`SLUICE_DATABASE_URL must start with postgres:// or sqlite: (got "${url.split(':')[0]}:…")`);
  return { kind: 'sqlite', file: resolve(repoRoot, env.SLUICE_DB_FILE ?? '.data/sluice.sqlite') };
}

/** The environment that makes a child process open the same store. */
export function storeEnv(config: StoreConfig): Record<string, string> {
  return { SLUICE_DATABASE_URL: config.kind === 'postgres' ? config.url : `sqlite:${config.file}` };
}

/** The store as a log line may name it: a PostgreSQL URL without its password. */
export function describeStore(config: StoreConfig): string {
  if (config.kind === 'sqlite') return `SQLite ${config.file}`;
  const url = new URL(config.url);
  if (url.password) url.password = '***';
  return `PostgreSQL ${url.toString()}`;
}
