import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { repoRoot } from '../../launcher/repo-root.ts';
import { knownMigrations, migrate } from '../migrate.ts';
import { connectStore } from '../open-store.ts';
import { addAnnouncement } from '../outbox.ts';
import type { StoreConfig } from '../store-config.ts';
import { BackupRefused, extractBody, readManifest, writeBackup, type BackupManifest } from './backup-envelope.ts';
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
    const migrations = copySqlite(requireSqlite(config).file, copy);
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
  const target = requireSqlite(config).file;
  const staged = `${target}.restoring-${stampOf(now)}`;
  mkdirSync(dirname(target), { recursive: true });
  try {
    await extractBody(file, envelope, staged);
    checkIntegrity(staged);
    const migrated = await migrateAndAnnounce({ kind: 'sqlite', file: staged }, manifest);
    checkIntegrity(staged);
    return { manifest, keptAside: swapInSqlite(target, staged, stampOf(now)), migrated };
  } finally {
    rmSync(staged, { force: true });
  }
}

async function migrateAndAnnounce(config: StoreConfig, manifest: BackupManifest): Promise<string[]> {
  const store = await connectStore(config);
  try {
    const migrated = await migrate(store);
    const em = store.em.fork();
    addAnnouncement(em, { kind: 'store_restored', backupTakenAt: manifest.takenAt });
    await em.flush();
    return migrated;
  } finally {
    await store.close();
  }
}

function requireSqlite(config: StoreConfig): Extract<StoreConfig, { kind: 'sqlite' }> {
  if (config.kind !== 'sqlite') throw new BackupRefused('PostgreSQL is backed up with its own tools: see docs/operations.md (Backup and restore).');
  return config;
}
