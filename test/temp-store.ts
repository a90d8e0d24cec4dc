import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openStore, type Store } from '../store/open-store.ts';
import type { StoreConfig } from '../store/store-config.ts';

/** A fresh, empty store of the kind the test run is for, with its data under `dir`. */
export function testStoreConfig(dir: string): StoreConfig {
  return { kind: 'sqlite', file: join(dir, 'sluice.sqlite') };
}

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
