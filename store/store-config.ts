import { resolve } from 'node:path';
import { repoRoot } from '../launcher/repo-root.ts';

/** The store's file: `SLUICE_DB_FILE`, or `.data/sluice.sqlite` in the repository. */
export function storeFileFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(repoRoot, env.SLUICE_DB_FILE ?? '.data/sluice.sqlite');
}
