import { defineConfig, type BuildEnvironmentOptions } from 'vite';
import react from '@vitejs/plugin-react';
import { configuredZod } from './configured-zod.ts';
import { mantineComponentStyles } from './mantine-component-styles.ts';
import { precompress } from './precompress.ts';

const api = 'http://127.0.0.1:3000';

/**
 * Vite stamps this placeholder on its tags and in `<meta property="csp-nonce">`; the server serving
 * index.html replaces it with a fresh nonce per response, the same one it puts in its CSP header.
 */
const CSP_NONCE_PLACEHOLDER = '__SLUICE_CSP_NONCE__';

const browserBuild: BuildEnvironmentOptions = {
  outDir: 'dist',
  emptyOutDir: true,
  // Lists each screen's chunks, so designer/first-load.test.ts can add up what the first screen fetches.
  manifest: true,
  rolldownOptions: {
    output: {
      // Libraries change less often than the app: in chunks of their own, a release leaves them cached.
      codeSplitting: {
        groups: [
          { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
          { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
          { name: 'flow', test: /node_modules[\\/](@xyflow|d3-[a-z]+)[\\/]/ },
        ],
      },
    },
  },
};

/**
 * The first screen rendered on the server (`--ssr src/ssr/render-first-screen.tsx`, package.json's build),
 * for Node, beside the browser's build: its libraries come from node_modules, its styles are the browser
 * build's. api/designer-page.ts loads it from here.
 */
const ssrBuild: BuildEnvironmentOptions = { outDir: 'dist/server', emptyOutDir: false, copyPublicDir: false };

export default defineConfig(({ isSsrBuild }) => ({
  root: import.meta.dirname,
  base: '/',
  plugins: [configuredZod(), mantineComponentStyles(), react(), ...(isSsrBuild ? [] : [precompress()])],
  html: { cspNonce: CSP_NONCE_PLACEHOLDER },
  build: isSsrBuild ? ssrBuild : browserBuild,
  server: {
    proxy: {
      '/orders': api,
      '/rulesets': api,
      '/work-areas': api,
      '/events': api,
      '/auth': api,
      '/users': api,
      '/tokens': api,
      '/docs': api,
      '/openapi.json': api,
    },
  },
}));
