import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';

/*
 * A backup is one file: a line naming the format, a line of JSON saying what the backup is, then the
 * database's own copy (a SQLite file, or pg_dump's custom format). What it is travels inside the file,
 * so a copy moved between machines cannot lose it, and the checksum covers every byte of the copy.
 */

const MAGIC = 'SLUICE-BACKUP 1';
// The manifest's line is short; a file with no newline this early is not a Sluice backup.
const HEADER_LIMIT = 1 << 20;

export const backupManifest = z.object({
  store: z.enum(['sqlite', 'postgres']),
  /** The migrations applied to the copy, oldest first: the schema it has. */
  migrations: z.array(z.string().max(200)).max(10_000),
  takenAt: z.iso.datetime(),
  sluiceVersion: z.string().max(100),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type BackupManifest = z.infer<typeof backupManifest>;

/** A file that is not a Sluice backup, or one this code must not restore; the message says which and why. */
export class BackupRefused extends Error {}

export async function sha256Of(file: string, start = 0): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file, { start }), hash);
  return hash.digest('hex');
}

/** Writes the backup file `out` from the database copy in `body`, with the manifest that describes it. */
export async function writeBackup(out: string, body: string, manifest: Omit<BackupManifest, 'bytes' | 'sha256'>): Promise<BackupManifest> {
  const handle = await open(body, 'r');
  const bytes = (await handle.stat()).size;
  await handle.close();
  const full: BackupManifest = { ...manifest, bytes, sha256: await sha256Of(body) };
  const target = createWriteStream(out, { flags: 'wx' });
  target.write(`${MAGIC}\n${JSON.stringify(full)}\n`);
  await pipeline(createReadStream(body), target);
  return full;
}

/** Reads what the backup says it is, and where its copy starts; refuses a file that is not a Sluice backup. */
export async function readManifest(file: string): Promise<{ manifest: BackupManifest; bodyAt: number }> {
  const handle = await open(file, 'r').catch((err: NodeJS.ErrnoException) => {
    throw new BackupRefused(err.code === 'ENOENT' ? `There is no file ${file}.` : `${file} cannot be read: ${err.message}`);
  });
  try {
    const head = Buffer.alloc(HEADER_LIMIT);
    const { bytesRead } = await handle.read(head, 0, HEADER_LIMIT, 0);
    const text = head.subarray(0, bytesRead);
    const first = text.indexOf(10);
    const second = first < 0 ? -1 : text.indexOf(10, first + 1);
    if (second < 0 || text.subarray(0, first).toString('latin1') !== MAGIC) throw new BackupRefused(`${file} is not a Sluice backup (one made by ./sluice backup).`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text.subarray(first + 1, second).toString('utf8'));
    } catch {
      throw new BackupRefused(`${file} is not a Sluice backup: its description is not readable.`);
    }
    const manifest = backupManifest.safeParse(parsed);
    if (!manifest.success) throw new BackupRefused(`${file} is not a Sluice backup this code can read: its description is not one it knows.`);
    return { manifest: manifest.data, bodyAt: second + 1 };
  } finally {
    await handle.close();
  }
}

/** Copies the backup's database copy to `dest`, refusing one whose length or checksum is not what its manifest says. */
export async function extractBody(file: string, { manifest, bodyAt }: { manifest: BackupManifest; bodyAt: number }, dest: string): Promise<void> {
  await pipeline(createReadStream(file, { start: bodyAt }), createWriteStream(dest, { flags: 'wx' }));
  const handle = await open(dest, 'r');
  const bytes = (await handle.stat()).size;
  await handle.close();
  if (bytes !== manifest.bytes || (await sha256Of(dest)) !== manifest.sha256) {
    throw new BackupRefused(`${file} is damaged: its copy does not match its checksum (truncated or altered since it was taken). Nothing was changed.`);
  }
}
