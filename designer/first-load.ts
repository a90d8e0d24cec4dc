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

/**
 * The manifest keys of the first screens, as app.tsx and session-gate.tsx load them: the Orders view is
 * part of the page itself (app.tsx imports it), the sign-in screen a chunk of its own.
 */
export const SCREENS = { orders: 'index.html', signIn: 'src/session/login-page.tsx' } as const;

function readManifest(distDir: string): Manifest {
  return JSON.parse(readFileSync(join(distDir, '.vite/manifest.json'), 'utf8')) as Manifest;
}

/** The files a chunk brings, itself first: its static imports and stylesheets, transitively. */
function filesOf(manifest: Manifest, key: string, files = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`The build manifest has no ${key}: was the screen renamed?`);
  if (files.has(chunk.file)) return files;
  files.add(chunk.file);
  chunk.css?.forEach((css) => files.add(css));
  chunk.imports?.forEach((imported) => filesOf(manifest, imported, files));
  return files;
}

/**
 * The files the sign-in screen brings beyond what index.html itself loads: what the page can ask for while
 * its first script still runs (api/designer-page.ts), rather than once that script asks for the screen.
 */
export function signInOnlyFiles(distDir: string): string[] {
  const manifest = readManifest(distDir);
  const page = filesOf(manifest, 'index.html');
  return [...filesOf(manifest, SCREENS.signIn)].filter((file) => !page.has(file));
}

/**
 * The files a browser fetches for index.html and then the screen: each chunk's static imports and
 * stylesheets, transitively (dynamic imports wait for a later click). A file's sent size is its
 * precompressed `.br` copy's when the build wrote one, as the API sends that (api/app.ts).
 */
export function firstLoad(distDir: string, screen: keyof typeof SCREENS): FirstLoad {
  const manifest = readManifest(distDir);
  const files = filesOf(manifest, SCREENS[screen], filesOf(manifest, 'index.html', new Set(['index.html'])));
  const sizeOf = (file: string) => statSync(join(distDir, file)).size;
  const sentSizeOf = (file: string) => (existsSync(join(distDir, `${file}.br`)) ? sizeOf(`${file}.br`) : sizeOf(file));
  return {
    files: [...files],
    bytes: [...files].reduce((sum, file) => sum + sentSizeOf(file), 0),
    rawBytes: [...files].reduce((sum, file) => sum + sizeOf(file), 0),
  };
}
