import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    pool: 'forks',
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', 'designer/dist/**', '.data/**', '.tools/**'],
    globalSetup: ['test/global-setup.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    // Tests answer thousands of requests, whose access lines would drown the output; warnings and errors still show.
    env: { SLUICE_LOG_LEVEL: process.env.SLUICE_LOG_LEVEL ?? 'warn' },
    testTimeout: 60_000,
    // A poll waits for a browser or a workflow to catch up; on two shared cores that can take more than its default second.
    expect: { poll: { timeout: 15_000 } },
    hookTimeout: 120_000,
    // Two cores: integration tests each run a worker and a dev-server client, so keep the fork count low.
    maxWorkers: 2,
  },
});
