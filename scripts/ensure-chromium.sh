#!/usr/bin/env bash
# Makes sure /usr/bin/chromium exists for the browser tests, installing the distribution package if not.
set -euo pipefail

if [[ -x /usr/bin/chromium ]]; then
  echo "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo present) at /usr/bin/chromium"
  exit 0
fi

bash "$(dirname "$0")/apt-install.sh" chromium "/usr/bin/chromium is missing"
echo "chromium: installed $(/usr/bin/chromium --version 2>/dev/null || echo '')"
