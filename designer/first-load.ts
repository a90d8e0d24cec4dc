import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** One entry of Vite's build manifest (designer/dist/.vite/manifest.json). */
interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** What a first visit fetches: each file once, with the bytes sent when the browser accepts brotli. */
export interface FirstLoad {
  files: string[];
  bytes: number;
  rawBytes: number;
}

/** The manifest keys of the screens, as app.tsx and session-gate.tsx load them. */
export const SCREENS = { orders: 'src/orders/orders-view.tsx', signIn: 'src/session/login-page.tsx' } as const;

/**
 * The files a browser fetches for index.html and then the screen: each chunk's static imports and
 * stylesheets, transitively (dynamic imports wait for a later click). A file's sent size is its
 * precompressed `.br` copy's when the build wrote one, as the API sends that (api/app.ts).
 */
export function firstLoad(distDir: string, screen: keyof typeof SCREENS): FirstLoad {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite/manifest.json'), 'utf8')) as Manifest;
  const files = new Set<string>(['index.html']);
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The build manifest has no ${key}: was the screen renamed?`);
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    chunk.css?.forEach((css) => files.add(css));
    chunk.imports?.forEach(visit);
  };
  visit('index.html');
  visit(SCREENS[screen]);
  const sizeOf = (file: string) => statSync(join(distDir, file)).size;
  const sentSizeOf = (file: string) => (existsSync(join(distDir, `${file}.br`)) ? sizeOf(`${file}.br`) : sizeOf(file));
  return {
    files: [...files],
    bytes: [...files].reduce((sum, file) => sum + sentSizeOf(file), 0),
    rawBytes: [...files].reduce((sum, file) => sum + sizeOf(file), 0),
  };
}
