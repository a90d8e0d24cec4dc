import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { repoRoot } from '../../launcher/repo-root.ts';
import { knownMigrations, migrate } from '../migrate.ts';
import { connectStore, type Store } from '../open-store.ts';
import { addAnnouncement } from '../outbox.ts';
import type { StoreConfig } from '../store-config.ts';
import { BackupRefused, extractBody, readManifest, writeBackup, type BackupManifest } from './backup-envelope.ts';
import { besideName, dropPostgres, dumpPostgres, restoreIntoPostgres, swapInPostgres } from './postgres-backup.ts';
import { checkIntegrity, copySqlite, swapInSqlite } from './sqlite-backup.ts';

const sluiceVersion = (): string => (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
const STORE_NAMES = { sqlite: 'SQLite', postgres: 'PostgreSQL' } as const;

/** A file name for a backup taken now, when the operator names none. */
export const defaultBackupFile = (now: Date): string => join(repoRoot, '.data', 'backups', `sluice-${stampOf(now)}.backup`);
const stampOf = (now: Date) => now.toISOString().replaceAll(':', '').replace(/\.\d+Z$/, 'Z');

/** Writes a backup of the store, consistent as of one moment while Sluice keeps running, to `out` (never over a file). */
export async function backupStore(config: StoreConfig, out: string, now = new Date()): Promise<BackupManifest> {
  if (existsSync(out)) throw new BackupRefused(`${out} exists already; name another file.`);
  // Beside the backup, so the copy is made on the disk it goes to, and the finished file appears at once.
  const work = mkdtempSync(join(dirname(out), `.${basename(out)}-`));
  try {
    const copy = join(work, 'copy');
    const migrations = config.kind === 'sqlite' ? copySqlite(config.file, copy) : await dumpPostgres(config.url, copy);
    const partial = join(work, 'backup');
    const manifest = await writeBackup(partial, copy, { store: config.kind, migrations, takenAt: now.toISOString(), sluiceVersion: sluiceVersion() });
    renameSync(partial, out);
    return manifest;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export interface Restored {
  manifest: BackupManifest;
  /** Where the store it replaced was kept, or null when there was none. */
  keptAside: string | null;
  /** Migrations applied to the backup to bring it up to this code. */
  migrated: string[];
}

/**
 * Replaces the store with the backup in `file`, with Sluice stopped. Refuses, changing nothing, a file that
 * is not a whole Sluice backup of this kind of store, or one taken by newer code; migrates an older one. The
 * restored store announces the restore, so that the first worker to run brings every open order forward to
 * its workflow (workflows/store-restored.workflow.ts).
 */
export async function restoreStore(config: StoreConfig, file: string, now = new Date()): Promise<Restored> {
  const envelope = await readManifest(file);
  const { manifest } = envelope;
  if (manifest.store !== config.kind) {
    throw new BackupRefused(`${file} is a backup of a ${STORE_NAMES[manifest.store]} store, and this store is ${STORE_NAMES[config.kind]}. Nothing was changed.`);
  }
  const known = new Set(knownMigrations(config.kind));
  const unknown = manifest.migrations.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new BackupRefused(
      `${file} was taken by a newer Sluice (${manifest.sluiceVersion}) than this code: it has migrations this code does not know (${unknown.join(', ')}). Restore it with that release or a later one. Nothing was changed.`,
    );
  }
  const restored = config.kind === 'sqlite' ? await restoreSqlite(config.file, file, envelope, stampOf(now)) : await restorePostgres(config.url, file, envelope, stampOf(now));
  return { manifest, ...restored };
}

type Envelope = Awaited<ReturnType<typeof readManifest>>;

async function restoreSqlite(target: string, file: string, envelope: Envelope, stamp: string): Promise<Omit<Restored, 'manifest'>> {
  const staged = `${target}.restoring-${stamp}`;
  mkdirSync(dirname(target), { recursive: true });
  try {
    await extractBody(file, envelope, staged);
    checkIntegrity(staged);
    const migrated = await migrateAndAnnounce({ kind: 'sqlite', file: staged }, envelope.manifest);
    checkIntegrity(staged);
    return { keptAside: swapInSqlite(target, staged, stamp), migrated };
  } finally {
    rmSync(staged, { force: true });
  }
}

async function restorePostgres(url: string, file: string, envelope: Envelope, stamp: string): Promise<Omit<Restored, 'manifest'>> {
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  const work = mkdtempSync(join(tmpdir(), 'sluice-restore-'));
  const staged = besideName(database, 'restoring', stamp.toLowerCase());
  try {
    const body = join(work, 'dump');
    await extractBody(file, envelope, body);
    const stagedUrl = await restoreIntoPostgres(url, staged, body);
    const migrated = await migrateAndAnnounce({ kind: 'postgres', url: stagedUrl }, envelope.manifest);
    return { keptAside: await swapInPostgres(url, staged, besideName(database, 'before_restore', stamp.toLowerCase())), migrated };
  } catch (err) {
    await dropPostgres(url, staged);
    throw err;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Tells the workers the store was restored to how it was at `takenAt`: the first to run brings every open
 * order forward to its workflow (workflows/store-restored.workflow.ts).
 */
export async function announceRestore(store: Store, takenAt: Date): Promise<void> {
  const em = store.em.fork();
  addAnnouncement(em, { kind: 'store_restored', backupTakenAt: takenAt.toISOString() });
  await em.flush();
}

async function migrateAndAnnounce(config: StoreConfig, manifest: BackupManifest): Promise<string[]> {
  const store = await connectStore(config);
  try {
    const migrated = await migrate(store);
    await announceRestore(store, new Date(manifest.takenAt));
    return migrated;
  } finally {
    await store.close();
  }
}
