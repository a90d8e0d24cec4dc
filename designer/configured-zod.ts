import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const ZOD_SETUP = fileURLToPath(new URL('./src/validation/zod-setup.ts', import.meta.url));

/**
 * In the app, every `import … from 'zod'` gets src/validation/zod-setup.ts, which configures zod and
 * passes it on. The configuration then runs before any schema is built, on whichever screen builds the
 * first one, and zod loads only with the screens that use it (not with the sign-in check or the orders table).
 */
export function configuredZod(): Plugin {
  return {
    name: 'sluice-configured-zod',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (source !== 'zod' || importer === ZOD_SETUP) return null;
      return this.resolve(ZOD_SETUP, importer, { ...options, skipSelf: true });
    },
  };
}
