import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../launcher/repo-root.ts';
import { testStoreConfig } from '../test/temp-store.ts';
import { migrationsFolder, pendingMigrations } from './migrate.ts';
import { connectStore, openStore, type Store } from './open-store.ts';
import { storeEnv } from './store-config.ts';

const run = promisify(execFile);

describe('migrations', () => {
  const dirs: string[] = [];
  const stores: Store[] = [];
  const fresh = () => {
    const dir = mkdtempSync(join(tmpdir(), 'sluice-migrate-'));
    dirs.push(dir);
    return testStoreConfig(dir);
  };
  const track = (store: Store) => (stores.push(store), store);
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('a process that does not migrate refuses a database behind the code, saying to run ./sluice migrate', async () => {
    const config = fresh();
    const all = readdirSync(migrationsFolder(config.kind)).filter((f) => f.startsWith('Migration')).map((f) => f.replace(/\.ts$/, ''));
    expect(await pendingMigrations(track(await connectStore(config)))).toEqual(all.sort());
    await expect(openStore(config)).rejects.toThrow(/run \.\/sluice migrate/);
    track(await openStore(config, { migrate: true }));
    expect(await pendingMigrations(track(await openStore(config)))).toEqual([]);
  });

  it('builds the schema the entities describe', async () => {
    const store = track(await openStore(fresh(), { migrate: true }));
    const drift = await store.schema.getUpdateSchemaSQL({ wrap: false });
    expect(drift, 'The entities differ from what the migrations build: add a migration with `npm run migration:create -- <name>` (docs/development.md).').toBe('');
  });

  it('several processes migrating one database at once apply each migration once', async () => {
    const config = fresh();
    const env = { ...process.env, ...storeEnv(config) };
    const outputs = await Promise.all([1, 2, 3].map(() => run(process.execPath, [join(repoRoot, 'scripts/migrate.ts')], { env })));
    const store = track(await openStore(config));
    const applied = await store.em.getConnection().execute<{ name: string }[]>('select name from mikro_orm_migrations');
    expect(new Set(applied.map((r) => r.name)).size).toBe(applied.length);
    expect(outputs.filter((o) => o.stdout.includes('Applied to'))).toHaveLength(1);
    expect(outputs.filter((o) => o.stdout.includes('is up to date'))).toHaveLength(2);
  }, 60_000);
});
