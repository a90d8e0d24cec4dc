import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MiddlewareHandler } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import { chosenCoding, type Coding } from './content-coding.ts';

const SUFFIX: Record<Coding, string> = { br: '.br', gzip: '.gz' };
/** A built asset's name: no folders, so nothing outside `assets/` is ever looked up. */
const ASSET_PATH = /^\/assets\/[\w.-]+$/;

/**
 * Answers a request for a built asset with the copy the build compressed beforehand
 * (designer/precompress.ts) in the best coding the caller accepts; without one (a small file, or a
 * caller that accepts none), the next handler sends the file itself.
 */
export function precompressedAssets(root: string): MiddlewareHandler {
  return async (c, next) => {
    const coding = chosenCoding(c.req.header('Accept-Encoding'));
    if (!coding || (c.req.method !== 'GET' && c.req.method !== 'HEAD') || !ASSET_PATH.test(c.req.path)) return next();
    const body = await readFile(join(root, `${c.req.path}${SUFFIX[coding]}`)).catch(() => null);
    if (!body) return next();
    const headers = {
      'Content-Type': getMimeType(c.req.path) ?? 'application/octet-stream',
      'Content-Encoding': coding,
      'Content-Length': String(body.length),
    };
    return c.req.method === 'HEAD' ? c.body(null, 200, headers) : c.body(new Uint8Array(body), 200, headers);
  };
}
