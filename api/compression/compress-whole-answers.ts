import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { chosenCoding, type Coding } from './content-coding.ts';

/** Below this, the coding's headers and the CPU cost more than the bytes saved. */
export const COMPRESS_MIN_BYTES = 1024;

/** JSON, and the app's page (which carries a session, a first page and, rendered, the first screen). */
const WHOLE_TYPE = /^(?:application\/(?:[\w.-]+\+)?json|text\/html)\s*(?:;|$)/i;

// Answers are compressed per request, so brotli runs at a fast level (close to gzip's speed, still
// smaller); the precompressed assets use the slowest, smallest one once at build time.
const compressors: Record<Coding, (body: Buffer) => Promise<Buffer>> = {
  br: (body) => promisify(brotliCompress)(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  gzip: (body) => promisify(gzip)(body, { level: 6 }),
};

/**
 * Compresses JSON answers and the app's page, when the caller accepts it. Only those: they are built whole
 * before they are sent, so reading them costs no latency, whereas the event stream and the backtest's and
 * exports' streams (other content types) must reach the caller line by line and pass untouched.
 */
export function compressWholeAnswers(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (c.req.method === 'HEAD' || !res.body || res.headers.has('Content-Encoding') || !WHOLE_TYPE.test(res.headers.get('Content-Type') ?? '')) return;
    res.headers.append('Vary', 'Accept-Encoding');
    const coding = chosenCoding(c.req.header('Accept-Encoding'));
    if (!coding) return;
    const body = Buffer.from(await res.arrayBuffer());
    if (body.length < COMPRESS_MIN_BYTES) {
      c.res = new Response(body, res);
      return;
    }
    const compressed = await compressors[coding](body);
    // Set after the assignment: Hono copies the old answer's headers (its length among them) onto a new one.
    c.res = new Response(new Uint8Array(compressed), res);
    c.res.headers.set('Content-Encoding', coding);
    c.res.headers.set('Content-Length', String(compressed.length));
  };
}
