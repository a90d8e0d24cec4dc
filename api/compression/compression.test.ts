import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPriorityRuleset } from '../../rules/defaults/index.ts';
import { createHarness, type Harness } from '../../test/sluice-harness.ts';
import { createApp } from '../app.ts';
import { COMPRESS_MIN_BYTES } from './compress-whole-answers.ts';

const BROWSER = 'gzip, deflate, br, zstd';
/** An asset as the build leaves it: the file and its brotli and gzip copies (designer/precompress.ts). */
const ASSET = 'export const screen = "orders";\n'.repeat(200);
/** The app's page, as large as one carrying a session and a first page. */
const PAGE = `<!doctype html><title>Sluice</title><script type="module" src="/assets/index-abc123.js"></script>${'<p>row</p>'.repeat(500)}`;

let h: Harness;
let app: ReturnType<typeof createApp>;
let dist: string;
beforeAll(async () => {
  h = await createHarness();
  dist = mkdtempSync(join(tmpdir(), 'sluice-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), PAGE);
  writeFileSync(join(dist, 'assets/index-abc123.js'), ASSET);
  writeFileSync(join(dist, 'assets/index-abc123.js.br'), brotliCompressSync(ASSET));
  writeFileSync(join(dist, 'assets/index-abc123.js.gz'), gzipSync(ASSET));
  app = createApp({ store: h.store, temporal: h.client, taskQueue: h.taskQueue, staticDir: dist });
});
afterAll(async () => {
  rmSync(dist, { recursive: true, force: true });
  await h?.close();
});

const get = async (path: string, acceptEncoding?: string, init: RequestInit = {}) =>
  app.request(path, { ...init, headers: { ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}), ...(await h.auth('ops_manager')), ...(init.headers as Record<string, string>) } });
const bytesOf = async (res: Response) => Buffer.from(await res.arrayBuffer());
const decoded = { br: brotliDecompressSync, gzip: gunzipSync, none: (b: Buffer) => b };

describe('the built app', () => {
  it.each([
    { accept: BROWSER, coding: 'br' },
    { accept: 'gzip', coding: 'gzip' },
    { accept: 'br;q=0.5, gzip;q=1.0', coding: 'gzip' },
    { accept: 'gzip;q=0, br;q=0', coding: 'none' },
    { accept: undefined, coding: 'none' },
  ] as const)('sends an asset $coding when the browser accepts "$accept", cached for good', async ({ accept, coding }) => {
    const res = await get('/assets/index-abc123.js', accept);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('content-encoding')).toBe(coding === 'none' ? null : coding);
    expect(res.headers.get('vary')).toMatch(/Accept-Encoding/i);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const body = await bytesOf(res);
    expect(decoded[coding](body).toString()).toBe(ASSET);
    if (coding !== 'none') expect(body.length).toBeLessThan(ASSET.length / 10);
  });

  it('answers HEAD with the headers alone, and a missing asset with 404', async () => {
    const head = await get('/assets/index-abc123.js', BROWSER, { method: 'HEAD' });
    expect(head.headers.get('content-encoding')).toBe('br');
    expect(await head.text()).toBe('');
    expect((await get('/assets/index-missing.js', BROWSER)).status).toBe(404);
  });

  it.each([
    { accept: BROWSER, coding: 'br' },
    { accept: 'gzip', coding: 'gzip' },
    { accept: undefined, coding: 'none' },
  ] as const)('sends index.html for every visit afresh, as it carries a new CSP nonce each time, $coding when the browser accepts "$accept"', async ({ accept, coding }) => {
    const res = await get('/', accept);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-encoding')).toBe(coding === 'none' ? null : coding);
    const body = await bytesOf(res);
    if (coding !== 'none') expect(body.length).toBeLessThan(PAGE.length / 10);
    expect(decoded[coding](body).toString()).toContain('/assets/index-abc123.js');
  });
});

describe('JSON answers', () => {
  it.each([
    { accept: BROWSER, coding: 'br' },
    { accept: 'br;q=0, gzip', coding: 'gzip' },
    { accept: undefined, coding: 'none' },
  ] as const)('a large one is sent $coding when the caller accepts "$accept"', async ({ accept, coding }) => {
    const plain = await (await get('/openapi.json')).text();
    expect(plain.length).toBeGreaterThan(COMPRESS_MIN_BYTES);
    const res = await get('/openapi.json', accept);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-encoding')).toBe(coding === 'none' ? null : coding);
    expect(res.headers.get('vary')).toMatch(/Accept-Encoding/i);
    const body = await bytesOf(res);
    if (coding !== 'none') expect(res.headers.get('content-length')).toBe(String(body.length));
    expect(JSON.parse(decoded[coding](body).toString())).toEqual(JSON.parse(plain));
  });

  it('a small one, and an error, are sent as they are', async () => {
    const small = await get('/healthz', BROWSER);
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(await small.json()).toBeTruthy();
    const missing = await get('/orders/no-such-order', BROWSER);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-encoding')).toBeNull();
    expect((await missing.json()) as unknown).toHaveProperty('error.code', 'not_found');
  });
});

describe('streams are never compressed nor held back', () => {
  it('the event stream sends its first event while it stays open', async () => {
    const abort = new AbortController();
    const res = await get('/events', BROWSER, { signal: abort.signal });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('x-accel-buffering')).toBe('no');
    expect(res.headers.get('content-encoding')).toBeNull();
    const reader = res.body!.getReader();
    let text = '';
    while (!text.includes('event: ready')) {
      const { value, done } = await reader.read();
      expect(done).toBe(false);
      text += new TextDecoder().decode(value);
    }
    abort.abort();
    await reader.cancel().catch(() => undefined);
  });

  it("the backtest's progress arrives line by line, before the run ends", async () => {
    const res = await get('/rulesets/priority/backtest', BROWSER, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenario: 'job-shop', replications: 2, horizon: 400, warmUp: 100, seed: 7, definition: defaultPriorityRuleset }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson');
    expect(res.headers.get('content-encoding')).toBeNull();
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    const firstLines = new TextDecoder().decode(first.value).trim().split('\n');
    expect(firstLines.map((line) => (JSON.parse(line) as { type: string }).type)).not.toContain('result');
    let rest = '';
    for (let next = await reader.read(); !next.done; next = await reader.read()) rest += new TextDecoder().decode(next.value);
    expect(rest).toContain('"type":"result"');
  });
});
