#!/usr/bin/env bash
# Makes sure PostgreSQL's server binaries exist for the tests' throwaway clusters, installing Debian's
# package if not. Debian keeps them off PATH, under /usr/lib/postgresql/<version>/bin; the tests look there.
set -euo pipefail

newest_initdb() { command -v initdb || ls -1d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1 || true; }

found=$(newest_initdb)
if [[ -n "$found" ]]; then
  echo "postgresql: $("$found" --version) at $found"
  exit 0
fi

bash "$(dirname "$0")/apt-install.sh" postgresql "initdb is missing"
echo "postgresql: installed $(newest_initdb)"
