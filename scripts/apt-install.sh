#!/usr/bin/env bash
# Installs one Debian package for the tests (as root, or through sudo), saying what it runs:
#   scripts/apt-install.sh <package> <why it is needed>
set -euo pipefail
package=$1 why=$2

if [[ $(id -u) -eq 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null; then
  as_root=(sudo)
else
  echo "$package: $why and installing it needs root (no sudo found)." >&2
  echo "Run as root: apt-get update && apt-get install -y --no-install-recommends $package" >&2
  exit 1
fi

echo "$package: $why; running apt-get update"
"${as_root[@]}" apt-get update
echo "$package: running apt-get install -y --no-install-recommends $package"
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$package"
