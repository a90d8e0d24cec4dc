import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../launcher/repo-root.ts';
import { testStoreConfig } from '../test/temp-store.ts';
import { withMigrationLock } from './dialect.ts';
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

  it.each(['api', 'worker'])('the %s process exits non-zero on a store behind the code, saying to run ./sluice migrate', async (name) => {
    const config = fresh();
    const exit = await run(process.execPath, [join(repoRoot, `${name}/main.ts`)], { env: { ...process.env, ...storeEnv(config) } }).then(
      () => ({ code: 0, stdout: '' }),
      (err: { code: number; stdout: string }) => err,
    );
    expect(exit.code).toBe(1);
    expect(exit.stdout).toContain(`the ${name} cannot start: The database has`);
    expect(exit.stdout).toContain('run ./sluice migrate');
  }, 30_000);

  it('builds the schema the entities describe', async () => {
    const store = track(await openStore(fresh(), { migrate: true }));
    const drift = await store.schema.getUpdateSchemaSQL({ wrap: false });
    expect(drift, 'The entities differ from what the migrations build: add a migration with `npm run migration:create -- <name>` (docs/development.md).').toBe('');
  });

  it('processes started while another migrates wait for its lock, then find nothing left to do', async () => {
    const config = fresh();
    const env = { ...process.env, ...storeEnv(config) };
    const holder = track(await connectStore(config));
    const { applied, waiting } = await withMigrationLock(holder, async (transaction) => {
      const waiting = Promise.all([1, 2].map(() => run(process.execPath, [join(repoRoot, 'scripts/migrate.ts')], { env })));
      // Long enough for both to start and reach the lock on a loaded machine, well within SQLite's 10 s busy timeout.
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      return { applied: await holder.migrator.up(transaction ? { transaction } : undefined), waiting };
    });
    expect(applied.length).toBeGreaterThan(0);
    for (const { stdout } of await waiting) expect(stdout).toContain('is up to date');
    expect(await pendingMigrations(holder)).toEqual([]);
  }, 60_000);
});
