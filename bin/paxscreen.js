#!/usr/bin/env node
'use strict';
/**
 * The `paxscreen` command (package.json "bin"). Runs the compiled CLI when `npm run build` has
 * produced one that is newer than every source file; otherwise the TypeScript sources through
 * @swc-node/register, so a fresh clone works after `npm ci` with no build step (that is why
 * @swc-node/register, @swc/core and typescript are runtime dependencies).
 */
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

/** NestJS 12 is ESM-only and is loaded through require(esm), unflagged from Node 22.12. */
const MIN_NODE = [22, 12];

const root = join(__dirname, '..');
const compiled = join(root, 'dist/apps/cli/apps/cli/src/main.js');
const source = join(root, 'apps/cli/src/main.ts');
const SOURCE_DIRS = ['apps/cli/src', 'libs'].map((d) => join(root, d));

function nodeIsRecentEnough() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  return major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
}

/** Newest modification time (ms) of the .ts files under `dir`; stops early once past `limit`. */
function newestSource(dir, limit) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path, limit));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
    if (newest > limit) break;
  }
  return newest;
}

/** The compiled CLI, when there is one and no source file changed after it was built. */
function useCompiled() {
  if (!existsSync(compiled)) return false;
  if (!existsSync(source)) return true;
  const builtAt = statSync(compiled).mtimeMs;
  return SOURCE_DIRS.every((dir) => !existsSync(dir) || newestSource(dir, builtAt) <= builtAt);
}

/** The Node 24 that the project's scripts install into .cache when the system Node is older. */
const BOOTSTRAPPED_NODE = join(root, '.cache/node24/node_modules/.bin/node');

if (!nodeIsRecentEnough()) {
  if (existsSync(BOOTSTRAPPED_NODE) && !process.env.PAXSCREEN_REEXEC) {
    // Run again under the project's Node 24, with the same arguments and exit code.
    const { spawnSync } = require('node:child_process');
    const run = spawnSync(BOOTSTRAPPED_NODE, [__filename, ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: { ...process.env, PAXSCREEN_REEXEC: '1' },
    });
    process.exit(run.status ?? 1);
  }
  process.stderr.write(
    `paxscreen: Node.js ${MIN_NODE.join('.')} or newer is needed (this is ${process.versions.node}); ` +
      '`npm run paxscreen -- <command>` installs Node 24 LTS into .cache/ and runs it\n',
  );
  process.exit(64);
}

if (useCompiled()) {
  require(compiled);
} else {
  // The project's tsconfig holds the @paxscreen/* path aliases, whatever the working directory.
  process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || join(root, 'tsconfig.json');
  require('@swc-node/register');
  require(source);
}
