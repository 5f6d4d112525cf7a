#!/usr/bin/env bash
# Type check (strict, tests included), ESLint, Prettier, and the dependency boundaries.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dirs=(); for d in apps libs test bench eval chaos fuzz scripts; do [ -d "$d" ] && dirs+=("$d"); done
echo "lint: tsc" >&2; npx tsc -p tsconfig.json --noEmit
# The dashboard page is browser code (DOM types), checked on its own.
npx tsc -p apps/dashboard/public/tsconfig.json --noEmit
# The workbench UI is browser code too (DOM types, React JSX).
npx tsc -p apps/workbench/web/tsconfig.json --noEmit
npx tsc -p apps/carriers/public/tsconfig.json --noEmit
echo "lint: eslint" >&2; npx eslint --max-warnings 0 "${dirs[@]}"
echo "lint: prettier" >&2; npx prettier --check --log-level warn .
echo "lint: boundaries" >&2; npx depcruise --config .dependency-cruiser.cjs --output-type err "${dirs[@]}"
