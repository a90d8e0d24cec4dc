import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findOrInstallSchemathesis, schemathesisFolder, schemathesisVersion } from './schemathesis-cli.ts';

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** A scratch repository root with a fake python3 on a PATH of its own; the fake runs `body` and logs its arguments. */
function scratch(body: string): { root: string; env: NodeJS.ProcessEnv; calls: string } {
  const root = mkdtempSync(join(tmpdir(), 'sluice-schemathesis-cli-'));
  roots.push(root);
  const bin = join(root, 'bin');
  const calls = join(root, 'calls');
  mkdirSync(bin);
  writeFileSync(join(bin, 'python3'), `#!/bin/sh\nPATH=/usr/bin:/bin\necho "$PYTHONNOUSERSITE $*" >> '${calls}'\n${body}\n`);
  chmodSync(join(bin, 'python3'), 0o755);
  return { root, env: { PATH: bin }, calls };
}

// Plays pip: creates the --target folder.
const fakePip = 'while [ $# -gt 0 ]; do [ "$1" = --target ] && target=$2; shift; done; mkdir -p "$target/schemathesis"';

describe('findOrInstallSchemathesis', () => {
  it('installs the pinned version with pip into .tools/schemathesis-<version> once, then runs it from there', async () => {
    const { root, env, calls } = scratch(fakePip);
    const log: string[] = [];
    const st = await findOrInstallSchemathesis({ root, env, log: (line) => log.push(line) });
    const folder = join(root, '.tools', `schemathesis-${schemathesisVersion}`);
    expect(schemathesisFolder(root)).toBe(folder);
    expect(existsSync(join(folder, 'schemathesis'))).toBe(true);
    expect(readFileSync(calls, 'utf8')).toMatch(new RegExp(`^1 -s -m pip install .*--target ${folder}\\.partial-\\d+ schemathesis==${schemathesisVersion}\\n$`));
    expect(log).toEqual([`installing Schemathesis ${schemathesisVersion} into ${folder} (pip install schemathesis)…`]);
    expect(st).toMatchObject({ program: join(root, 'bin', 'python3'), args: ['-s', '-m', 'schemathesis.cli'], env: { PYTHONPATH: folder, PYTHONNOUSERSITE: '1' } });

    await findOrInstallSchemathesis({ root, env, log: (line) => log.push(line) });
    expect(readFileSync(calls, 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('leaves no folder behind when pip fails, so the next run installs again, and says what went wrong', async () => {
    const { root, env } = scratch(`${fakePip}; echo "No matching distribution found for schemathesis" >&2; exit 1`);
    await expect(findOrInstallSchemathesis({ root, env, log: () => {} })).rejects.toThrow(/Installing Schemathesis failed: .*No matching distribution.*PyPI/);
    expect(readdirSync(join(root, '.tools'))).toEqual([]);
  });

  it('asks for python3 when there is none', async () => {
    await expect(findOrInstallSchemathesis({ root: tmpdir(), env: { PATH: '' }, log: () => {} })).rejects.toThrow(/needs python3/);
  });
});
