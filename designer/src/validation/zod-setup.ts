import { z } from 'zod';
import { plainMessage } from './plain-messages.ts';

/*
 * The app's `zod` (designer/configured-zod.ts points every import of it here), so this runs before any
 * schema is built. `jitless`: zod otherwise probes `new Function` when a schema is created, which the
 * strict CSP refuses and reports as a violation on every page load.
 */
z.config({ jitless: true, customError: plainMessage });

export * from 'zod';
