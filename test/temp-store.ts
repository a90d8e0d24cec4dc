import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openStore, type Store } from '../store/open-store.ts';

/** A store in a fresh SQLite file for the enclosing describe block: opened before its tests, closed and removed after them. */
export function useTempStore(): () => Store {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-store-'));
  let store: Store | undefined;
  beforeAll(async () => {
    store = await openStore({ file: join(dir, 'sluice.sqlite') });
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return () => store!;
}
