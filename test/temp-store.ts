import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, inject } from 'vitest';
import { openStore, type Store } from '../store/open-store.ts';
import type { StoreConfig } from '../store/store-config.ts';

/**
 * A fresh, empty store of the kind the test run is for: a SQLite file under `dir`, or, when the run is on
 * PostgreSQL (SLUICE_TEST_STORE=postgres), a database of its own on the run's throwaway server.
 */
export function testStoreConfig(dir: string): StoreConfig {
  const server = inject('postgresServerUrl');
  if (server) return { kind: 'postgres', url: `${server}/t_${randomUUID().replaceAll('-', '')}` };
  return { kind: 'sqlite', file: join(dir, 'sluice.sqlite') };
}

/** Which store the test run is for. */
export const testStoreKind = (): StoreConfig['kind'] => (inject('postgresServerUrl') ? 'postgres' : 'sqlite');

/** A fresh store for the enclosing describe block: opened before its tests, closed and removed after them. */
export function useTempStore(): () => Store {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-store-'));
  let store: Store | undefined;
  beforeAll(async () => {
    store = await openStore(testStoreConfig(dir), { migrate: true });
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return () => store!;
}
