import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { transformSync } from '@swc/core';

/** One file the page needs, read once at start. */
export interface PageAsset {
  body: Buffer;
  contentType: string;
  etag: string;
}

/**
 * The page script is typed TypeScript (public/dashboard.ts, type-checked by `npm run lint`),
 * served as the same code with its types stripped by swc (an ES module: no bundling, no module
 * loader), made once at start.
 */
export function pageScript(source: string): string {
  return transformSync(source, {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'es6' },
    isModule: true,
    sourceMaps: false,
  }).code;
}

/**
 * The page's files: its own (apps/dashboard/public, copied beside the compiled code by the Nest
 * build) and uPlot's from node_modules. A fixed list, read at start: nothing is looked up by a
 * name from a request, so no path can be traversed, and a missing file fails the start, not a
 * page load.
 */
export function loadPageAssets(publicDir = join(__dirname, '..', '..', 'public')): Map<string, PageAsset> {
  if (!existsSync(join(publicDir, 'index.html')))
    throw new Error(`the dashboard page is missing: no index.html in ${publicDir}`);
  const uplot = dirname(require.resolve('uplot/dist/uPlot.iife.min.js'));
  const files: [string, string, string, ((text: string) => string)?][] = [
    ['index.html', join(publicDir, 'index.html'), 'text/html; charset=utf-8'],
    ['dashboard.js', join(publicDir, 'dashboard.ts'), 'text/javascript; charset=utf-8', pageScript],
    ['dashboard.css', join(publicDir, 'dashboard.css'), 'text/css; charset=utf-8'],
    ['uPlot.iife.min.js', join(uplot, 'uPlot.iife.min.js'), 'text/javascript; charset=utf-8'],
    ['uPlot.min.css', join(uplot, 'uPlot.min.css'), 'text/css; charset=utf-8'],
  ];
  return new Map(
    files.map(([name, path, contentType, compile]) => {
      const body = compile ? Buffer.from(compile(readFileSync(path, 'utf8'))) : readFileSync(path);
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
      return [name, { body, contentType, etag }];
    }),
  );
}
