import { resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '..');

/** The store's file: `SLUICE_DB_FILE`, or `.data/sluice.sqlite` in the repository. */
export function storeFileFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(REPO_ROOT, env.SLUICE_DB_FILE ?? '.data/sluice.sqlite');
}
