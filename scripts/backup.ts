import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { BackupRefused } from '../store/backup/backup-envelope.ts';
import { backupStore, defaultBackupFile } from '../store/backup/backup-store.ts';
import { describeStore, storeConfigFromEnv } from '../store/store-config.ts';

/** `./sluice backup [file]`: a consistent backup of the store while Sluice runs (docs/operations.md). */
const config = storeConfigFromEnv();
const named = process.argv[2];
// `./sluice` runs from the repository; a file named on its command line is relative to where it was typed.
const out = named ? resolve(process.env.SLUICE_CALLER_DIR ?? process.cwd(), named) : defaultBackupFile(new Date());
mkdirSync(dirname(out), { recursive: true });
try {
  const manifest = await backupStore(config, out);
  console.log(`Backed up ${describeStore(config)} to ${out}`);
  console.log(`  taken at ${manifest.takenAt} by Sluice ${manifest.sluiceVersion}; ${manifest.migrations.length} migration(s), last ${manifest.migrations.at(-1) ?? 'none'}; ${manifest.bytes} bytes, sha256 ${manifest.sha256}`);
} catch (err) {
  if (!(err instanceof BackupRefused)) throw err;
  console.error(err.message);
  process.exitCode = 1;
}
