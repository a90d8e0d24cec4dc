#!/usr/bin/env bash
# Makes sure PostgreSQL's server binaries exist for the tests' throwaway clusters, installing Debian's
# package if not. Debian keeps them off PATH, under /usr/lib/postgresql/<version>/bin; the tests look there.
set -euo pipefail

found=$(command -v initdb || ls -1d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1 || true)
if [[ -n "$found" ]]; then
  echo "postgresql: $("$found" --version) at $found"
  exit 0
fi

if [[ $(id -u) -eq 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null; then
  as_root=(sudo)
else
  echo "postgresql: initdb is missing and installing it needs root (no sudo found)." >&2
  echo "Run as root: apt-get update && apt-get install -y --no-install-recommends postgresql" >&2
  exit 1
fi

echo "postgresql: initdb is missing; running apt-get update"
"${as_root[@]}" apt-get update
echo "postgresql: running apt-get install -y --no-install-recommends postgresql"
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql
echo "postgresql: installed $(ls -1d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)"
