import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startThrowawayPostgres } from '../launcher/throwaway-postgres.ts';
import type { StoreConfig } from '../store/store-config.ts';

/** Runs a store bench on a fresh SQLite file, then, when the command line says `postgres`, on a throwaway PostgreSQL. */
export async function onBothStores(measure: (name: string, config: StoreConfig) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-bench-'));
  try {
    await measure('SQLite', { kind: 'sqlite', file: join(dir, 'sluice.sqlite') });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (!process.argv.includes('postgres')) return;
  const server = await startThrowawayPostgres();
  try {
    await measure('PostgreSQL', { kind: 'postgres', url: `${server.serverUrl}/bench` });
  } finally {
    server.stop();
  }
}
