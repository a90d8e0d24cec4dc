#!/usr/bin/env bash
# The whole suite with the Node processes' clock a year and a month ahead (`./sluice test --year-ahead`):
# proof that no test hides a date that will pass. libfaketime shifts the wall clock only; monotonic
# clocks and file times stay real, so timers, timeouts and build caches behave as usual. The Temporal
# dev server (a static Go binary) keeps the real clock, as a remote cluster would keep its own.
set -euo pipefail
cd "$(dirname "$0")/.."

lib=/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1
if [[ ! -e $lib ]]; then
  as_root=()
  [[ $(id -u) -eq 0 ]] || as_root=(sudo)
  echo "faketime: $lib is missing; installing Debian's faketime"
  "${as_root[@]}" apt-get update
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends faketime
fi

offset=${SLUICE_CLOCK_OFFSET:-+400d}
echo "clock: Node processes run ${offset} ahead of the machine's clock"
export LD_PRELOAD=$lib FAKETIME=$offset FAKETIME_DONT_FAKE_MONOTONIC=1 NO_FAKE_STAT=1
node -e 'console.log(`clock: Node believes it is ${new Date().toISOString()}`)'
exec npx vitest run "$@"
