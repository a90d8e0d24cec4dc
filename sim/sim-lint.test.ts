import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../launcher/repo-root.ts';

/** The lint setup keeps the simulator pure and repeatable; these cases fail if it stops doing so. */
describe('lint rules for sim/', () => {
  const eslint = new ESLint({ cwd: repoRoot });
  const problems = async (code: string, file = 'sim/example.ts') => {
    const [result] = await eslint.lintText(code, { filePath: `${repoRoot}/${file}` });
    return (result?.messages ?? []).filter((m) => m.ruleId?.startsWith('no-restricted-')).map((m) => m.message);
  };

  it.each([
    { code: `import { readFileSync } from 'node:fs';\nexport const f = readFileSync;`, reason: 'no Node built-ins' },
    { code: `import { Client } from '@temporalio/client';\nexport const f = Client;`, reason: 'no Temporal' },
    { code: `import { MikroORM } from '@mikro-orm/sql';\nexport const f = MikroORM;`, reason: 'no database' },
    { code: `import { openStore } from '../store/open-store.ts';\nexport const f = openStore;`, reason: 'no database' },
    { code: `export const r = Math.random();`, reason: 'seeded streams' },
    { code: `export const t = Date.now();`, reason: 'virtual time' },
    { code: `export const t = new Date();`, reason: 'virtual time' },
  ])('refuses: $code', async ({ code, reason }) => {
    expect((await problems(code)).join('\n')).toContain(reason);
  });

  it.each([
    `import { planGroupReleaseCycle } from '../rules/release-cycle.ts';\nexport const p = planGroupReleaseCycle;`,
    `import type { RulesetRecord } from '../store/ruleset.entity.ts';\nexport type R = RulesetRecord;`,
    `export const t = new Date(0);`,
  ])('allows: %s', async (code) => {
    expect(await problems(code)).toEqual([]);
  });
});
