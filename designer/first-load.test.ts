import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstLoad, type SCREENS } from './first-load.ts';

const dist = join(import.meta.dirname, 'dist');

/**
 * Bytes on the wire before the app was split and compressed (issue #21): one 456 kB main chunk, a
 * 289 kB shared one and Mantine's 248 kB stylesheet, all sent as they are, for either screen.
 */
const BEFORE_BYTES = 993_340;

/** The name of zod's error class, a string in zod's code whichever chunk the build puts it in. */
const ZOD_MARKER = 'ZodError';

// Budgets in bytes (deterministic, unlike a load time) with room for the app to grow: a screen that
// pulls a heavy library back into its first load, or an asset sent uncompressed, goes past them.
const BUDGETS: { screen: keyof typeof SCREENS; budget: number }[] = [
  { screen: 'orders', budget: 240_000 },
  { screen: 'signIn', budget: 190_000 },
];

describe('first load of the built app (npm run build first)', () => {
  it.each(BUDGETS)('the $screen screen fetches at most $budget bytes compressed', ({ screen, budget }) => {
    const load = firstLoad(dist, screen);
    console.log(
      `first load of ${screen}: ${load.files.length} files, ${load.bytes} bytes sent (${load.rawBytes} uncompressed); before: ${BEFORE_BYTES} bytes, ${Math.round((100 * load.bytes) / BEFORE_BYTES)}% of that`,
    );
    expect(load.bytes).toBeLessThanOrEqual(budget);
  });

  it.each(['orders', 'signIn'] as const)('the %s screen loads neither the canvas nor zod up front', (screen) => {
    const files = firstLoad(dist, screen).files;
    expect(files.filter((file) => /\/(flow|rules-view)-/.test(file))).toEqual([]);
    expect(files.filter((file) => /\/zod-/.test(file) || readFileSync(join(dist, file), 'utf8').includes(ZOD_MARKER))).toEqual([]);
  });
});
