import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** Mantine's module of a component's class names; `@mantine/core/styles/<Name>.css` holds its rules. */
const CLASS_NAMES_MODULE = /[\\/]@mantine[\\/]core[\\/]esm[\\/].+[\\/]([A-Za-z]+)\.module\.mjs$/;
/** Mantine's reset, variables and global classes, which main.tsx imports before anything else. */
const GLOBAL_STYLES = fileURLToPath(new URL('./src/mantine-global.css', import.meta.url));

/**
 * In the build, each Mantine component brings its own stylesheet, so a chunk carries the styles of the
 * components in it and the first screen no longer fetches all of Mantine's. A component's sheet comes
 * after those of the components it is built on, as its module imports theirs. The `.layer.css` copies
 * keep the rules in the `mantine` cascade layer, so the app's and React Flow's styles win over them
 * whatever order the chunks load in, as they did when Mantine's whole sheet came first.
 *
 * The dev server serves Mantine pre-bundled, past this transform: there the global sheet stands for the whole one.
 */
export function mantineComponentStyles(): Plugin {
  let serving = false;
  return {
    name: 'sluice-mantine-component-styles',
    enforce: 'pre',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    transform(code, id) {
      if (serving) return id === GLOBAL_STYLES ? { code: "@import '@mantine/core/styles.layer.css';\n", map: null } : null;
      const component = CLASS_NAMES_MODULE.exec(id)?.[1];
      if (!component) return null;
      // Appended, not prepended: the module's lines stay where its source map says they are.
      return { code: `${code}\nimport '@mantine/core/styles/${component}.layer.css';\n`, map: null };
    },
  };
}
