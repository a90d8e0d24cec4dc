import { existsSync, renameSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { BackupRefused } from './backup-envelope.ts';

/*
 * SQLite: the copy is `VACUUM INTO`, one read transaction, so it is the database as of one commit while
 * the API and workers go on writing (WAL lets them); the online backup API would start over whenever a
 * write lands mid-copy, which on a busy store can be forever.
 */

/** Writes a consistent copy of the live file to `dest`, and answers the migrations it has applied. */
export function copySqlite(file: string, dest: string): string[] {
  if (!existsSync(file)) throw new BackupRefused(`There is no store at ${file}.`);
  const live = new DatabaseSync(file, { readOnly: true, timeout: 10_000 });
  try {
    live.prepare('vacuum into ?').run(dest);
  } finally {
    live.close();
  }
  return appliedMigrations(dest);
}

/** The migrations applied to a SQLite file, oldest first; refuses a file that is not a Sluice store. */
export function appliedMigrations(file: string): string[] {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const table = db.prepare("select 1 from sqlite_master where type = 'table' and name = 'mikro_orm_migrations'").get();
    if (!table) throw new BackupRefused(`${file} is not a Sluice store: it has no migrations table.`);
    return db
      .prepare('select name from mikro_orm_migrations order by name')
      .all()
      .map((row) => String(row.name));
  } finally {
    db.close();
  }
}

/** Refuses a copy SQLite finds damaged, before anything is replaced. */
export function checkIntegrity(file: string): void {
  const db = new DatabaseSync(file);
  try {
    const result = db.prepare('pragma integrity_check').all();
    if (result.length !== 1 || result[0]!.integrity_check !== 'ok') throw new BackupRefused(`The backup's database is damaged (SQLite's integrity check failed). Nothing was changed.`);
    // Out of WAL mode, so the file is whole on its own when it is moved into place.
    db.exec('pragma journal_mode = delete');
  } finally {
    db.close();
  }
}

/**
 * Puts `staged` in place of the store at `target`, keeping the file it replaces beside it; answers where,
 * or null when there was none. Refuses while any process has the store open: leaving WAL mode needs the
 * file to itself, so it fails while an API or worker process holds it, and the exclusive lock then taken
 * keeps one from opening it until the new file is in place.
 */
export function swapInSqlite(target: string, staged: string, stamp: string): string | null {
  if (!existsSync(target)) {
    renameSync(staged, target);
    return null;
  }
  const live = new DatabaseSync(target, { timeout: 0 });
  try {
    try {
      live.exec('pragma journal_mode = delete; begin exclusive');
    } catch {
      throw new BackupRefused(`The store ${target} is in use: stop Sluice first (Ctrl-C ./sluice start, or stop every API and worker process), then restore. Nothing was changed.`);
    }
    const aside = `${target}.before-restore-${stamp}`;
    renameSync(target, aside);
    renameSync(staged, target);
    return aside;
  } finally {
    live.close();
  }
}
