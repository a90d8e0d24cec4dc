import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { repoRoot } from '../../launcher/repo-root.ts';
import type { StoreConfig } from '../../store/store-config.ts';
import type { BootstrapCredentials } from './bootstrap-users.ts';

/**
 * Where a process keeps the first admin's one-time password: `SLUICE_DATA_DIR`, else the SQLite file's
 * folder, else `.data` in the repository.
 */
export function firstAdminFile(store: StoreConfig, env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.SLUICE_DATA_DIR?.trim() ? resolve(repoRoot, env.SLUICE_DATA_DIR.trim()) : store.kind === 'sqlite' ? dirname(store.file) : join(repoRoot, '.data');
  return join(dir, 'first-admin-password');
}

/**
 * A one-time password must not travel through the log stream, where whoever reads the logs (or the
 * system they are shipped to) would find it: it goes to a file only the process's user can read, and
 * the log names the file. The file is replaced, never appended to, so it holds one password at most.
 */
export function saveOneTimePassword(credentials: BootstrapCredentials & { oneTimePassword: string }, file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  rmSync(file, { force: true });
  writeFileSync(file, `${credentials.username}\n${credentials.oneTimePassword}\n`, { mode: 0o600, flag: 'wx' });
}
