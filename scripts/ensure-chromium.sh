#!/usr/bin/env bash
# The dashboard's browser test drives Debian's Chromium (/usr/bin/chromium) through playwright-core,
# which never downloads a browser. Installs it with apt-get when it is missing (as root, or with
# passwordless sudo); otherwise says how, and fails. PAXSCREEN_CHROMIUM points at another binary.
set -euo pipefail
chromium="${PAXSCREEN_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then exit 0; fi
if [ "$chromium" != /usr/bin/chromium ]; then
  echo "ensure-chromium: PAXSCREEN_CHROMIUM=$chromium is not an executable" >&2; exit 1
fi
if [ "$(id -u)" -eq 0 ]; then as_root=(); elif sudo -n true 2>/dev/null; then as_root=(sudo -n); else
  echo "ensure-chromium: Chromium is missing; install it with: sudo apt-get install -y chromium" >&2; exit 1
fi
if ! command -v apt-get >/dev/null; then
  echo "ensure-chromium: Chromium is missing and this is not a Debian/Ubuntu system; install Chromium and set PAXSCREEN_CHROMIUM" >&2
  exit 1
fi
echo "ensure-chromium: installing Debian's chromium (apt-get)" >&2
"${as_root[@]}" apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq chromium >&2
[ -x "$chromium" ] || { echo "ensure-chromium: apt-get ran but $chromium is still missing" >&2; exit 1; }
