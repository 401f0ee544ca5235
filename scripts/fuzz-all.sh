#!/bin/sh
# Fuzzes every Jazzer target in turn, each for its @FuzzTest maxDuration (3 minutes), and
# prints how many inputs each one tried. Findings are written by Jazzer into the target's
# src/test/resources/.../<Class>Inputs/<method>/ folder, where `mvn test` replays them.
# Usage: scripts/fuzz-all.sh [log-folder]
set -u
logs=${1:-target/fuzz-logs}
mkdir -p "$logs"
for target in \
    'ProtocolFuzzTest#streamDecoders_agreeFrameByFrameAndReencodeExactly' \
    'ProtocolFuzzTest#payload_decodesOrIsMalformedAndReencodesExactly' \
    'ManifestFuzzTest#manifestJson_readsOrIsDamagedAndRoundTrips' \
    'KnownServersFuzzTest#parse_refusesWithLineNumberOrRoundTrips' \
    'TraceFuzzTest#read_refusesOrGivesUsableTrace'; do
  log="$logs/$(echo "$target" | tr '#' '.').log"
  mvn -q test -Pfuzz -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1
  status=$?
  done_line=$(grep -a '^Done [0-9]* runs' "$log" | tail -1)
  echo "$target: exit $status; ${done_line:-no 'Done' line, see $log}"
done
