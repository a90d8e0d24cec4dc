import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../launcher/repo-root.ts';

/** The lint setup is what keeps workflow code deterministic; these cases fail if it stops doing so. */
describe('lint rules for workflows/', () => {
  const eslint = new ESLint({ cwd: repoRoot });
  const problems = async (code: string, file = 'workflows/example.workflow.ts') => {
    const [result] = await eslint.lintText(code, { filePath: `${repoRoot}/${file}` });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  };

  it.each([
    { code: `import { readFileSync } from 'node:fs';\nexport const f = readFileSync;`, reason: 'no Node built-ins' },
    { code: `import { randomUUID } from 'crypto';\nexport const f = randomUUID;`, reason: 'no Node built-ins' },
    { code: `import { Client } from '@temporalio/client';\nexport const f = Client;`, reason: 'do no I/O' },
    { code: `import { MikroORM } from '@mikro-orm/sql';\nexport const f = MikroORM;`, reason: 'do no I/O' },
    { code: `import { createActivities } from '../activities/index.ts';\nexport const f = createActivities;`, reason: 'as types only' },
  ])('refuses: $code', async ({ code, reason }) => {
    const messages = await problems(code);
    expect(messages.join('\n')).toContain(reason);
  });

  it.each([
    `import type { OrderActivities } from '../activities/index.ts';\nexport type A = OrderActivities;`,
    `import { proxyActivities } from '@temporalio/workflow';\nexport const p = proxyActivities;`,
    `import { setup } from 'xstate';\nexport const s = setup;`,
  ])('allows: %s', async (code) => {
    expect(await problems(code)).toEqual([]);
  });

  it('does not restrict code outside workflows/', async () => {
    expect(await problems(`import { readFileSync } from 'node:fs';\nexport const f = readFileSync;`, 'activities/example.ts')).toEqual([]);
  });
});
