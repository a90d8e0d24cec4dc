import { resolve } from 'node:path';
import { BackupRefused } from '../store/backup/backup-envelope.ts';
import { restoreStore } from '../store/backup/backup-store.ts';
import { describeStore, storeConfigFromEnv } from '../store/store-config.ts';

/** `./sluice restore <file>`: replaces the store with a backup, with Sluice stopped (docs/operations.md). */
const named = process.argv[2];
if (!named) {
  console.error('usage: ./sluice restore <backup file>');
  process.exit(2);
}
const config = storeConfigFromEnv();
try {
  const restored = await restoreStore(config, resolve(process.env.SLUICE_CALLER_DIR ?? process.cwd(), named));
  const { manifest } = restored;
  console.log(`Restored ${describeStore(config)} from the backup taken at ${manifest.takenAt} by Sluice ${manifest.sluiceVersion}.`);
  if (restored.migrated.length > 0) console.log(`  migrated it to this code: ${restored.migrated.join(', ')}`);
  if (restored.keptAside) console.log(`  the store it replaced is kept at ${restored.keptAside}`);
  console.log('  Start Sluice again: its first worker brings every open order forward to its workflow.');
} catch (err) {
  if (!(err instanceof BackupRefused)) throw err;
  console.error(err.message);
  process.exitCode = 1;
}
