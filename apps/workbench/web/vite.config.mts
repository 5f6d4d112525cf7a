import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * The workbench UI: React compiled by Vite's own JSX transform (no plugin needed for a production
 * build), one script and one stylesheet under dist/assets with hashed names, nothing inline (the
 * page runs under `script-src 'self'; style-src 'self'`).
 */
export default defineConfig({
  root: here,
  base: '/',
  logLevel: 'warn',
  build: {
    outDir: `${here}../dist`,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // No inlined data: URLs for small assets (keeps every file an asset the CSP names).
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  oxc: { jsx: { runtime: 'automatic' } },
});
