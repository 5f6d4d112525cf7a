import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';

export interface UiAsset {
  body: Buffer;
  contentType: string;
  etag: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * The built UI (Vite's output: index.html and hashed files under assets/), read once at start into
 * a fixed map: nothing is looked up on disk by a name from a request, so no path can be traversed,
 * and a missing build fails the start, not a page load.
 */
export function loadUiAssets(dir: string): Map<string, UiAsset> {
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html')))
    throw new Error(`the workbench UI is not built: no index.html in ${root} (run npm run build:workbench)`);
  const assets = new Map<string, UiAsset>();
  const add = (name: string, path: string) => {
    const body = readFileSync(path);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
    assets.set(name, { body, contentType: TYPES[extname(name)] ?? 'application/octet-stream', etag });
  };
  add('index.html', join(root, 'index.html'));
  const assetDir = join(root, 'assets');
  if (existsSync(assetDir))
    for (const name of readdirSync(assetDir)) if (TYPES[extname(name)]) add(name, join(assetDir, name));
  return assets;
}
