import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(?:js|css|svg|json|txt|map)$/;
/** Below this, a compressed copy saves less than its headers cost. */
const MIN_BYTES = 1024;

/**
 * Writes `<asset>.br` and `<asset>.gz` beside each built asset, at the smallest settings: done once at
 * build time, so the API sends them without compressing anything per request (api/app.ts).
 */
export function precompress(): Plugin {
  return {
    name: 'sluice-precompress',
    apply: 'build',
    writeBundle(options) {
      const dir = join(options.dir ?? 'dist', 'assets');
      for (const name of readdirSync(dir).filter((file) => COMPRESSIBLE.test(file))) {
        const body = readFileSync(join(dir, name));
        if (body.length < MIN_BYTES) continue;
        writeFileSync(join(dir, `${name}.br`), brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
        writeFileSync(join(dir, `${name}.gz`), gzipSync(body, { level: constants.Z_BEST_COMPRESSION }));
      }
    },
  };
}
