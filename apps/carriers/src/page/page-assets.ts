import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { transformSync } from '@swc/core';

export interface PageAsset {
  body: Buffer;
  contentType: string;
  etag: string;
}

/**
 * The staff page's files (apps/carriers/public, copied beside the compiled code by the build),
 * read once at start from a fixed list: no name from a request is ever looked up on disk. The
 * script is typed TypeScript (checked by `npm run lint`) served with its types stripped by swc.
 */
export function loadPageAssets(publicDir = join(__dirname, '..', '..', 'public')): Map<string, PageAsset> {
  if (!existsSync(join(publicDir, 'index.html')))
    throw new Error(`the carriers page is missing: no index.html in ${publicDir}`);
  const script = (source: string) =>
    transformSync(source, {
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'es6' },
      isModule: true,
      sourceMaps: false,
    }).code;
  const files: [string, string, string, ((text: string) => string)?][] = [
    ['index.html', 'index.html', 'text/html; charset=utf-8'],
    ['carriers.js', 'carriers.ts', 'text/javascript; charset=utf-8', script],
    ['carriers.css', 'carriers.css', 'text/css; charset=utf-8'],
  ];
  return new Map(
    files.map(([name, file, contentType, compile]) => {
      const path = join(publicDir, file);
      const body = compile ? Buffer.from(compile(readFileSync(path, 'utf8'))) : readFileSync(path);
      return [
        name,
        {
          body,
          contentType,
          etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
        },
      ];
    }),
  );
}
