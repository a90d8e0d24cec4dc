import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOrInstallSchemathesis, type SchemathesisCommand } from '../launcher/schemathesis-cli.ts';
import { fuzzApi, type OperationSettings } from '../test/schemathesis.ts';
import { createHarness, type Harness } from '../test/sluice-harness.ts';

// Unloaded, the longest run takes about 3 minutes; a loaded CI machine may need three times that.
const RUN_TIMEOUT_MS = 12 * 60_000;

/**
 * Schemathesis against the real API (a worker running, so orders move) with what `/openapi.json` says:
 * no input gets a 5xx, and every answer is documented. The ops manager reaches nearly every operation;
 * the dispatcher's run adds the order actions only a dispatcher may take, the admin's the operations
 * only an admin may call (people, API tokens and ruleset locks) and the accounts and catalogue it keeps,
 * finance's the credit, payments and credit notes.
 */
describe('the API under Schemathesis', () => {
  let h: Harness;
  let server: ServerType;
  let baseUrl: string;
  let st: SchemathesisCommand;
  let orderId: string;

  beforeAll(async () => {
    st = await findOrInstallSchemathesis();
    h = await createHarness({ worker: true, wipLimit: 1000 });
    server = serve({ fetch: h.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    orderId = (await h.postOrder('FUZZ-1', 24)).id;
  }, 15 * 60_000);
  afterAll(async () => {
    if (server && 'closeAllConnections' in server) server.closeAllConnections();
    server?.close();
    await h?.close();
  });

  // An order that exists takes the actions and reads past the 404 into the lifecycle.
  const onOrder = (): Record<string, OperationSettings> =>
    Object.fromEntries(['GET /orders/{id}', 'POST /orders/{id}/actions', 'POST /orders/{id}/holds/{holdType}/cause-cleared'].map((name) => [name, { parameters: { id: orderId } }]));

  it.each([
    // The event stream never ends: its first event (ready) is enough to check the answer.
    { role: 'ops_manager' as const, args: [], operations: () => ({ ...onOrder(), 'GET /events': { 'max-stream-events': 1 }, 'GET /notifications/stream': { 'max-stream-events': 1 } }) },
    // Field events, starts and reassignments are a dispatcher's.
    { role: 'dispatcher' as const, args: ['--include-path-regex', '^/orders/'], operations: onOrder },
    { role: 'admin' as const, args: ['--include-path-regex', '^/(users|tokens|rulesets/[^/]+/locks|accounts|products|price-lists)'], operations: () => ({}) },
    // Credit, payments, credit notes and signing a day off are finance's alone.
    { role: 'finance' as const, args: ['--include-path-regex', '^/(accounts/[^/]+/(credit|payments)|documents/|reconciliation)'], operations: () => ({}) },
  ])('gives no 5xx and only documented answers, as $role', async ({ role, args, operations }) => {
    const result = await fuzzApi(st, { baseUrl, headers: await h.auth(role), maxExamples: 10, args, operations: operations(), timeoutMs: RUN_TIMEOUT_MS });
    console.log(`${result.summary} (${role})`);
    expect(result.passed, result.failures).toBe(true);
  }, RUN_TIMEOUT_MS + 60_000);
});
