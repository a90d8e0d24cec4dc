import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.ts';

export interface ThrowawayPostgres {
  /** The server as its superuser `postgres`, without a database: `${serverUrl}/<database>`. */
  serverUrl: string;
  /** The postmaster's process id (the first line of its pid file): benchmarks count its processes' CPU. */
  pid: number;
  stop(): void;
}

// PostgreSQL refuses to run as root: under root (a container, CI) the cluster runs as the `postgres` user the Debian package creates.
const asServerUser = (command: string, args: string[]): [string, string[]] => (process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]);

const DEBIAN_VERSIONS = '/usr/lib/postgresql';

/** A PostgreSQL program (the server's, or pg_dump and pg_restore): on PATH, or else the newest Debian keeps off PATH under /usr/lib/postgresql/<version>/bin. */
export function serverBinary(name: string): string {
  if (!spawnSync(name, ['--version'], { stdio: 'ignore' }).error) return name;
  const versions = existsSync(DEBIAN_VERSIONS) ? readdirSync(DEBIAN_VERSIONS).filter((v) => existsSync(join(DEBIAN_VERSIONS, v, 'bin', name))) : [];
  const newest = versions.sort((a, b) => Number(a) - Number(b)).at(-1);
  if (newest) return join(DEBIAN_VERSIONS, newest, 'bin', name);
  throw new Error(`${name} was found neither on PATH nor under ${DEBIAN_VERSIONS}: install PostgreSQL's server (Debian: apt-get install postgresql; scripts/ensure-postgres.sh does it)`);
}

function serverUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
  return { uid: id('-u'), gid: id('-g') };
}

/**
 * A PostgreSQL cluster of its own under a temporary folder, on a free loopback port, trusting every local
 * connection: for tests and benchmarks, never for data anyone keeps. `stop()` stops it and removes the folder.
 */
export async function startThrowawayPostgres(options: { maxConnections?: number } = {}): Promise<ThrowawayPostgres> {
  const [initdb, pgCtl] = [serverBinary('initdb'), serverBinary('pg_ctl')];
  const dir = mkdtempSync(join(tmpdir(), 'sluice-pg-'));
  const data = join(dir, 'data');
  const port = await freePort();
  if (process.getuid?.() === 0) {
    const { uid, gid } = serverUser();
    chownSync(dir, uid, gid);
  }
  try {
    execFileSync(...asServerUser(initdb, ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']), { stdio: 'ignore' });
    // Durability is pointless for data thrown away; without fsync the suite is not bound by the disk.
    const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=${options.maxConnections ?? 400} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    execFileSync(...asServerUser(pgCtl, ['-D', data, '-o', settings, '-l', join(dir, 'log'), '-w', 'start']), { stdio: 'ignore' });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start a throwaway PostgreSQL under ${dir}: ${(err as Error).message}`, { cause: err });
  }
  return {
    serverUrl: `postgres://postgres@127.0.0.1:${port}`,
    pid: Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]),
    stop() {
      spawnSync(...asServerUser(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']), { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
