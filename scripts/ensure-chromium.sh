#!/usr/bin/env bash
# Makes sure /usr/bin/chromium exists for the browser tests, installing the distribution package if not.
set -euo pipefail

if [[ -x /usr/bin/chromium ]]; then
  echo "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo present) at /usr/bin/chromium"
  exit 0
fi

if [[ $(id -u) -eq 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null; then
  as_root=(sudo)
else
  echo "chromium: /usr/bin/chromium is missing and installing it needs root (no sudo found)." >&2
  echo "Run as root: apt-get update && apt-get install -y --no-install-recommends chromium" >&2
  exit 1
fi

echo "chromium: /usr/bin/chromium is missing; running apt-get update"
"${as_root[@]}" apt-get update
echo "chromium: running apt-get install -y --no-install-recommends chromium"
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium
echo "chromium: installed $(/usr/bin/chromium --version 2>/dev/null || echo '')"
