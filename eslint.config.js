import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['node_modules/', 'designer/dist/', '.data/', '.tools/', 'test-artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['designer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Workflow code is replayed by Temporal and must be deterministic: no Node built-ins, no I/O clients.
    // Activities are imported as types only (`import type`), which this rule allows.
    files: ['workflows/**/*.ts'],
    ignores: ['workflows/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'Workflows must be deterministic: no Node built-ins.' })),
          patterns: [
            {
              group: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity', '@mikro-orm/*', 'hono', 'hono/*', '@hono/*', 'kysely', 'json-rules-engine'],
              message: 'Workflows do no I/O: call an activity instead.',
              allowTypeImports: true,
            },
            { group: ['**/activities/**', '**/store/**', '**/api/**'], message: 'Workflows import activities as types only.', allowTypeImports: true },
          ],
        },
      ],
    },
  },
  {
    // The simulator is pure and repeatable: a run is a function of its request and seed. No I/O, no wall
    // clock, no Math.random (its random numbers come from seeded streams, sim/random-streams.ts).
    files: ['sim/**/*.ts'],
    ignores: ['sim/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'The simulator is pure: no Node built-ins.' })),
          patterns: [
            {
              group: ['@temporalio/*', '@mikro-orm/*', 'hono', 'hono/*', '@hono/*', 'kysely', '**/activities/**', '**/store/**', '**/api/**', '**/workflows/*.workflow.ts'],
              message: 'The simulator is pure: no Temporal, no database, no API.',
              allowTypeImports: true,
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'The simulator draws from seeded streams (sim/random-streams.ts).' },
        { object: 'Date', property: 'now', message: 'The simulator runs on virtual time (sim/virtual-clock.ts).' },
        { object: 'performance', property: 'now', message: 'The simulator runs on virtual time (sim/virtual-clock.ts).' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The simulator runs on virtual time (sim/virtual-clock.ts).' },
      ],
    },
  },
);
