import { z } from 'zod';
import { plainMessage } from './plain-messages.ts';

/*
 * Imported first by main.tsx, before any schema is built. `jitless`: zod otherwise probes `new Function`
 * when a schema is created, which the strict CSP refuses and reports as a violation on every page load.
 */
z.config({ jitless: true, customError: plainMessage });
