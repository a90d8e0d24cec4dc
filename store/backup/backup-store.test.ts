import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { testStoreConfig, testStoreKind } from '../../test/temp-store.ts';
import { knownMigrations, pendingMigrations } from '../migrate.ts';
import { connectStore, openStore, type Store } from '../open-store.ts';
import { pendingAnnouncements } from '../outbox.ts';
import type { StoreConfig } from '../store-config.ts';
import { WorkAreaRecord } from '../work-area.entity.ts';
import { extractBody, readManifest, writeBackup } from './backup-envelope.ts';
import { backupStore, restoreStore } from './backup-store.ts';
import { databaseUrl } from './postgres-backup.ts';

const count = (file: string, table: string) => {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return Number(db.prepare(`select count(*) as n from ${table}`).get()!.n);
  } finally {
    db.close();
  }
};

/** A migrated store with a table the tests write to, as Sluice's processes would. */
async function makeStore(file: string, upTo?: string): Promise<StoreConfig> {
  const config: StoreConfig = { kind: 'sqlite', file };
  const store = await connectStore(config);
  await store.migrator.up(upTo ? { to: upTo } : undefined);
  await store.close();
  const db = new DatabaseSync(file);
  db.exec('create table marks (n integer); create table marks_too (n integer); insert into marks values (1); insert into marks_too values (1);');
  db.close();
  return config;
}

describe.skipIf(testStoreKind() === 'postgres')('backup and restore of the SQLite store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-backup-'));
  let config: StoreConfig & { kind: 'sqlite' };
  let backup: string;

  beforeAll(async () => {
    config = (await makeStore(join(dir, 'sluice.sqlite'))) as typeof config;
    backup = join(dir, 'first.backup');
    await backupStore(config, backup);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('copies the store as of one commit while another process writes to it', async () => {
    // The writer adds a row to both tables in each transaction: a copy made mid-transaction would differ.
    const writer = spawn(
      process.execPath,
      [
        '-e',
        `const { DatabaseSync } = require('node:sqlite'); const db = new DatabaseSync(${JSON.stringify(config.file)}, { timeout: 10000 });
         db.exec('pragma journal_mode = wal');
         for (let i = 0; ; i++) { db.exec('begin immediate; insert into marks values (2); insert into marks_too values (2); commit'); if (i === 0) process.stdout.write('ready\\n'); }`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise((ready) => writer.stdout.once('data', ready));
      for (let i = 0; i < 3; i++) {
        const out = join(dir, `busy-${i}.backup`);
        await backupStore(config, out);
        const copy = join(dir, `busy-${i}.sqlite`);
        await extractBody(out, await readManifest(out), copy);
        expect(count(copy, 'marks')).toBeGreaterThan(1);
        expect(count(copy, 'marks')).toBe(count(copy, 'marks_too'));
      }
    } finally {
      writer.kill();
    }
  });

  it('says what it is: the migrations applied, when, by which release, and a checksum of the copy', async () => {
    const { manifest } = await readManifest(backup);
    expect(manifest).toMatchObject({ store: 'sqlite', migrations: knownMigrations('sqlite'), sluiceVersion: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(Date.parse(manifest.takenAt)).toBeLessThanOrEqual(Date.now());
    await expect(backupStore(config, backup)).rejects.toThrow(/exists already/);
  });

  it('restores the backup, keeps the store it replaces aside, and announces the restore for the workers', async () => {
    const target = join(dir, 'restore-target.sqlite');
    await makeStore(target);
    const writer = new DatabaseSync(target);
    writer.exec('insert into marks values (99)');
    writer.close();
    const restored = await restoreStore({ kind: 'sqlite', file: target }, backup);
    expect(restored.migrated).toEqual([]);
    expect(count(target, 'marks')).toBe(1);
    expect(count(restored.keptAside!, 'marks')).toBe(2);
    const store = await openStore({ kind: 'sqlite', file: target });
    try {
      expect((await pendingAnnouncements(store.em.fork(), 10)).map((p) => p.announcement)).toEqual([{ kind: 'store_restored', backupTakenAt: restored.manifest.takenAt }]);
    } finally {
      await store.close();
    }
  });

  it('restores into a place with no store yet', async () => {
    const target = join(dir, 'fresh', 'sluice.sqlite');
    const restored = await restoreStore({ kind: 'sqlite', file: target }, backup);
    expect(restored.keptAside).toBeNull();
    expect(count(target, 'marks')).toBe(1);
  });

  it('migrates a backup taken before the latest migrations', async () => {
    const [first, ...later] = knownMigrations('sqlite');
    const old = await makeStore(join(dir, 'old.sqlite'), first);
    const oldBackup = join(dir, 'old.backup');
    await backupStore(old, oldBackup);
    const target = join(dir, 'from-old.sqlite');
    expect((await restoreStore({ kind: 'sqlite', file: target }, oldBackup)).migrated).toEqual(later);
    const store = await connectStore({ kind: 'sqlite', file: target });
    try {
      expect(await pendingMigrations(store)).toEqual([]);
    } finally {
      await store.close();
    }
  });

  const bodyOf = async (file: string) => {
    const envelope = await readManifest(file);
    const body = join(dir, `body-${Math.random()}`);
    await extractBody(file, envelope, body);
    return { ...envelope, body };
  };

  const refusals: { what: string; make: (file: string) => Promise<void>; refused: RegExp }[] = [
    { what: 'a file that is not a backup', make: async (file) => writeFileSync(file, 'SQLite format 3\0…'), refused: /is not a Sluice backup/ },
    { what: 'a backup cut short', make: async (file) => (writeFileSync(file, readFileSync(backup)), truncateSync(file, readFileSync(backup).length - 100)), refused: /is damaged/ },
    {
      what: 'a backup altered after it was taken',
      make: async (file) => {
        const bytes = readFileSync(backup);
        bytes.writeUInt8(bytes.readUInt8(bytes.length - 10) ^ 0xff, bytes.length - 10);
        writeFileSync(file, bytes);
      },
      refused: /is damaged/,
    },
    {
      what: 'a backup taken by newer code',
      make: async (file) => {
        const { manifest, body } = await bodyOf(backup);
        await writeBackup(file, body, { ...manifest, sluiceVersion: '9.0.0', migrations: [...manifest.migrations, 'Migration99991231000000_later'] });
      },
      refused: /taken by a newer Sluice \(9\.0\.0\).*Migration99991231000000_later/,
    },
    {
      what: 'a backup of a PostgreSQL store',
      make: async (file) => {
        const { manifest, body } = await bodyOf(backup);
        await writeBackup(file, body, { ...manifest, store: 'postgres' });
      },
      refused: /a backup of a PostgreSQL store, and this store is SQLite/,
    },
  ];

  it.each(refusals)('refuses $what, changing nothing', async ({ make, refused }) => {
    const file = join(dir, `refused-${Math.random()}.backup`);
    await make(file);
    const place = mkdtempSync(join(dir, 'place-'));
    const target = join(place, 'sluice.sqlite');
    await makeStore(target);
    const before = readFileSync(target);
    await expect(restoreStore({ kind: 'sqlite', file: target }, file)).rejects.toThrow(refused);
    expect(readFileSync(target).equals(before)).toBe(true);
    expect(readdirSync(place)).toEqual(['sluice.sqlite']);
  });

  it('refuses while a process has the store open, changing nothing', async () => {
    const place = mkdtempSync(join(dir, 'busy-'));
    const target = join(place, 'sluice.sqlite');
    await makeStore(target);
    const running = await openStore({ kind: 'sqlite', file: target });
    try {
      await expect(restoreStore({ kind: 'sqlite', file: target }, backup)).rejects.toThrow(/is in use: stop Sluice first/);
      expect(count(target, 'marks')).toBe(1);
      expect(readdirSync(place).filter((f) => !f.endsWith('-wal') && !f.endsWith('-shm'))).toEqual(['sluice.sqlite']);
    } finally {
      await running.close();
    }
    expect(existsSync(target)).toBe(true);
  });
});

describe.skipIf(testStoreKind() !== 'postgres')('backup and restore of the PostgreSQL store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-backup-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const areaIds = async (config: StoreConfig) => {
    const store = await openStore(config);
    try {
      return (await store.em.fork().findAll(WorkAreaRecord)).map((a) => a.id).sort();
    } finally {
      await store.close();
    }
  };
  const addArea = async (store: Store, id: string) => {
    const em = store.em.fork();
    em.create(WorkAreaRecord, { id, name: id, kind: 'pick_zone', wipLimit: 1 });
    await em.flush();
  };

  it('dumps the store while Sluice runs, and restores it in its place with Sluice stopped, keeping the database it replaces', async () => {
    const config = testStoreConfig(dir) as Extract<StoreConfig, { kind: 'postgres' }>;
    const running = await openStore(config, { migrate: true });
    await addArea(running, 'backed-up');
    const backup = join(dir, 'pg.backup');
    const { migrations } = await backupStore(config, backup);
    expect(migrations).toEqual(knownMigrations('postgres'));
    await addArea(running, 'after-backup');

    // This store's database and what a restore stages or keeps beside it (named after it): other test files
    // create and drop databases of their own on the same server meanwhile.
    const ours = decodeURIComponent(new URL(config.url).pathname.slice(1)).slice(0, 20);
    const databases = async () => {
      const client = new pg.Client({ connectionString: config.url });
      await client.connect();
      try {
        return (await client.query<{ datname: string }>('select datname from pg_database where starts_with(datname, $1)', [ours])).rows.map((r) => r.datname);
      } finally {
        await client.end();
      }
    };
    await running.close();
    const before = await databases();
    // A process still connected, as an API or worker process of a running Sluice is.
    const connected = new pg.Client({ connectionString: config.url });
    await connected.connect();
    try {
      await expect(restoreStore(config, backup)).rejects.toThrow(/is in use: stop Sluice first/);
    } finally {
      await connected.end();
    }
    expect((await databases()).sort()).toEqual(before.sort());

    const restored = await restoreStore(config, backup);
    expect(await areaIds(config)).toEqual(['backed-up']);
    expect(await areaIds({ kind: 'postgres', url: databaseUrl(config.url, restored.keptAside!) })).toEqual(['after-backup', 'backed-up']);
    const store = await openStore(config);
    try {
      expect((await pendingAnnouncements(store.em.fork(), 10)).map((p) => p.announcement)).toEqual([{ kind: 'store_restored', backupTakenAt: restored.manifest.takenAt }]);
    } finally {
      await store.close();
    }
  });

  it('refuses a backup of a SQLite store', async () => {
    const body = join(dir, 'body');
    writeFileSync(body, 'not used');
    const file = join(dir, 'sqlite.backup');
    await writeBackup(file, body, { store: 'sqlite', migrations: [], takenAt: new Date().toISOString(), sluiceVersion: '0.1.0' });
    await expect(restoreStore(testStoreConfig(dir), file)).rejects.toThrow(/a backup of a SQLite store, and this store is PostgreSQL/);
  });
});
