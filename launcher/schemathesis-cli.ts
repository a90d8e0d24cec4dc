import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from './repo-root.ts';
import { findOnPath, runCommand, type CommandRunner } from './temporal-cli.ts';

// Pinned so every machine fuzzes with the same generator: a newer Schemathesis may draw other inputs from the same seed.
// The newest release that still runs on Python 3.10 (Ubuntu 22.04's); later ones need 3.11.
export const schemathesisVersion = '4.30.1';

/** How to run the Schemathesis CLI: the program, its leading arguments, and the environment it needs. */
export interface SchemathesisCommand {
  program: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

export function schemathesisFolder(root: string = repoRoot): string {
  return join(root, '.tools', `schemathesis-${schemathesisVersion}`);
}

/**
 * Schemathesis from PyPI, installed with pip into .tools/schemathesis-<version>/ on first use. The folder
 * appears only once pip has finished (it installs into a scratch folder that is then renamed), so a
 * half-finished install is never taken for a complete one.
 */
export async function findOrInstallSchemathesis(
  options: { env?: NodeJS.ProcessEnv; root?: string; run?: CommandRunner; log?: (line: string) => void } = {},
): Promise<SchemathesisCommand> {
  const { env = process.env, root = repoRoot, run = runCommand, log = (line) => process.stderr.write(`${line}\n`) } = options;
  const python = findOnPath('python3', env);
  if (!python) throw new Error(`Schemathesis needs python3 (with pip) on the PATH, and none was found. Install Python 3.10 or newer (Schemathesis ${schemathesisVersion} needs it).`);
  const folder = schemathesisFolder(root);
  if (!existsSync(folder)) {
    const scratch = `${folder}.partial-${process.pid}`;
    rmSync(scratch, { recursive: true, force: true });
    mkdirSync(dirname(folder), { recursive: true });
    log(`installing Schemathesis ${schemathesisVersion} into ${folder} (pip install schemathesis)…`);
    try {
      await run(
        python,
        ['-s', '-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--no-warn-script-location', '--target', scratch, `schemathesis==${schemathesisVersion}`],
        { ...env, PYTHONNOUSERSITE: '1', PIP_ROOT_USER_ACTION: 'ignore' },
      );
      try {
        renameSync(scratch, folder);
      } catch (error) {
        // Another process may have finished the same install first; either copy is complete.
        if (!existsSync(folder)) throw error;
      }
    } catch (error) {
      throw new Error(`Installing Schemathesis failed: ${(error as Error).message}. Check that pip can reach PyPI.`, { cause: error });
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  return { program: python, args: ['-s', '-m', 'schemathesis.cli'], env: { ...env, PYTHONPATH: folder, PYTHONNOUSERSITE: '1' } };
}
