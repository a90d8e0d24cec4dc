import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderSummary } from '../domain/order.ts';
import { createHarness, eventually, type Harness } from '../test/sluice-harness.ts';
import { startApiProcess, startWorkerProcess, stopProcesses } from '../test/sluice-processes.ts';

interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  attributes: Record<string, unknown>;
}

type OtlpValue = { stringValue?: string; intValue?: string | number; boolValue?: boolean; doubleValue?: number };
type OtlpAttributes = { key: string; value: OtlpValue }[];
type OtlpExport = {
  resourceSpans: { resource: { attributes: OtlpAttributes }; scopeSpans: { spans: (Omit<ReceivedSpan, 'service' | 'attributes'> & { attributes: OtlpAttributes })[] }[] }[];
};

const valueOf = (v: OtlpValue) => v.stringValue ?? (v.intValue !== undefined ? Number(v.intValue) : (v.boolValue ?? v.doubleValue));
const attributesOf = (list: OtlpAttributes) => Object.fromEntries(list.map((a) => [a.key, valueOf(a.value)]));

/** An OTLP/HTTP collector on loopback, as small as the JSON encoding the exporter sends by default. */
function otlpReceiver(): { server: Server; spans: ReceivedSpan[] } {
  const spans: ReceivedSpan[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        for (const rs of (JSON.parse(body) as OtlpExport).resourceSpans) {
          const service = String(attributesOf(rs.resource.attributes)['service.name']);
          for (const ss of rs.scopeSpans) for (const span of ss.spans) spans.push({ ...span, service, attributes: attributesOf(span.attributes ?? []) });
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return { server, spans };
}

/**
 * Integration: the API and a worker as processes with tracing on, exporting to a receiver on
 * 127.0.0.1, while an order goes from its POST through its workflow to its activities: one trace.
 */
describe('tracing an order', () => {
  let h: Harness;
  const children: ChildProcess[] = [];
  const { server, spans } = otlpReceiver();
  let orderId: string;

  beforeAll(async () => {
    h = await createHarness({ wipLimit: 5 });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const otel = { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, OTEL_BSP_SCHEDULE_DELAY: '100' };
    const api = await startApiProcess(h, undefined, otel);
    children.push(api.child, await startWorkerProcess(h, undefined, otel));

    const headers = { 'content-type': 'application/json', ...(await h.auth('dispatcher')) };
    const due = new Date(Date.now() + 24 * 3_600_000).toISOString();
    const posted = await fetch(`${api.url}/orders`, { method: 'POST', headers, body: JSON.stringify({ reference: 'TRACED', account: 'ACME', dueAt: due, workAreaId: h.workAreaId, lines: [{ sku: 'A', qty: 1, price: 1 }] }) });
    expect(posted.status).toBe(201);
    orderId = ((await posted.json()) as OrderSummary).id;
    await h.reach(orderId, 'assigned');
    // Stopping flushes what each process still holds.
    await stopProcesses(children);
  }, 180_000);
  afterAll(async () => {
    await stopProcesses(children);
    server.close();
    await h?.close();
  });

  it("links the API request's span, the workflow's spans and its activities' spans by one trace id", async () => {
    const request = await eventually(async () => spans.find((s) => s.name === 'POST /orders' && s.attributes['sluice.order_id'] === orderId), 'the request span');
    expect(request).toMatchObject({ service: 'sluice-api', attributes: { 'http.route': '/orders', 'http.response.status_code': 201 } });
    const trace = spans.filter((s) => s.traceId === request.traceId);
    const named = (prefix: string, service: string) => trace.filter((s) => s.name.startsWith(prefix) && s.service === service);
    const start = named('StartWorkflow:orderWorkflow', 'sluice-api');
    expect(start).toHaveLength(1);
    expect(start[0]!.parentSpanId).toBe(request.spanId);
    expect(named('StartActivity:', 'sluice-worker').length).toBeGreaterThan(0);
    // Revision 5 makes the intake decision with the record of the order's capture, in one local activity.
    expect(named('RunActivity:', 'sluice-worker').map((s) => s.name)).toContain('RunActivity:recordAndDecide');
  });
});
