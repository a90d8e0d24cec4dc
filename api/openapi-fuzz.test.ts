import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOrInstallSchemathesis, type SchemathesisCommand } from '../launcher/schemathesis-cli.ts';
import { fuzzApi } from '../test/schemathesis.ts';
import { createHarness, type Harness } from '../test/sluice-harness.ts';

const RUN_TIMEOUT_MS = 6 * 60_000;

/**
 * Schemathesis against the real API (a worker running, so orders move) with what `/openapi.json` says:
 * no input gets a 5xx, and every answer is documented. The ops manager reaches nearly every operation;
 * the admin's run adds the ones only an admin may call (people and API tokens).
 */
describe('the API under Schemathesis', () => {
  let h: Harness;
  let server: ServerType;
  let baseUrl: string;
  let st: SchemathesisCommand;

  beforeAll(async () => {
    st = await findOrInstallSchemathesis();
    h = await createHarness({ worker: true, wipLimit: 1000 });
    server = serve({ fetch: h.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 15 * 60_000);
  afterAll(async () => {
    if (server && 'closeAllConnections' in server) server.closeAllConnections();
    server?.close();
    await h?.close();
  });

  it.each([
    // The event stream never ends, so a request to it would only wait for its timeout.
    { role: 'ops_manager' as const, args: ['--exclude-path', '/events'] },
    { role: 'admin' as const, args: ['--include-path-regex', '^/(users|tokens)'] },
  ])('gives no 5xx and only documented answers to an $role', async ({ role, args }) => {
    const result = await fuzzApi(st, { baseUrl, headers: await h.auth(role), maxExamples: 10, args, timeoutMs: RUN_TIMEOUT_MS });
    console.log(`${result.summary} (${role})`);
    expect(result.passed, result.failures).toBe(true);
  }, RUN_TIMEOUT_MS + 60_000);
});
