#!/usr/bin/env bash
# Paired real-mode rounds (docs/BENCHMARKS.md, "paired runs"): two builds stream the same trace
# at the same moment, one default-policy session each, trace after trace, so that the host's
# load and any other disturbance fall on both alike. Real-mode scores move between runs by more
# than most changes are worth, so judge a change by several rounds.
#
#   scripts/paired-rounds.sh BEFORE_DIR AFTER_DIR TRACE_DIR [ROUNDS] [OUT_DIR]
#
# BEFORE_DIR and AFTER_DIR are checkouts built with `mvn -DskipTests package`; TRACE_DIR holds
# trace files (for example ../shared/traces/mahimahi). AFTER_JAVA_OPTS, if set, goes to the
# second build's JVM. Each session's JSON report and decision log are kept under OUT_DIR
# (default: paired-rounds). Prints one line per round and trace: each build's normalized QoE,
# stall ratio and longest stall, and the share of CPU time the host stole meanwhile
# (/proc/stat); a round with much stolen says little. Ends with scripts/paired-summary.py's
# table over every round in OUT_DIR: the mean difference per trace and its standard error.
set -euo pipefail

if [[ $# -lt 3 ]]; then
    sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
before=$(cd "$1" && pwd)
after=$(cd "$2" && pwd)
traces=$(cd "$3" && pwd)
rounds=${4:-1}
out=${5:-paired-rounds}
mkdir -p "$out"
out=$(cd "$out" && pwd)

# user nice system idle iowait irq softirq steal, summed and the last alone
cpu_times() {
    awk '/^cpu / { print $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9, $9; exit }' /proc/stat
}

# mean normalized QoE, stall ratio, longest stall: from the bench's summary row for the default
summary() {
    awk -F'|' '/^\| default \|/ { gsub(/ /, ""); printf "%s %s %ss", $3, $6, $7 }' "$1"
}

session() { # build dir, side, round, trace name, folder holding just that trace, extra JVM options
    (cd "$1" && ADAPTIVESTREAM_JAVA_OPTS="$6" target/bin/adaptivestream bench abr --traces "$5" --mode real \
        --seconds 60 --policies default --threads 1 --decisions "$out/decisions-$2-$3" \
        --report "$out/$2-$3-$4.json") > "$out/$2-$3-$4.txt" 2>&1
}

echo "round trace | before: normalized, stall ratio, longest | after: the same | stolen"
for round in $(seq 1 "$rounds"); do
    for trace in "$traces"/*; do
        [[ -f $trace ]] || continue
        name=$(basename "$trace")
        name=${name%.*}
        one=$(mktemp -d)
        ln -s "$trace" "$one/"
        read -r total0 steal0 < <(cpu_times)
        session "$before" before "$round" "$name" "$one" "" &
        first=$!
        session "$after" after "$round" "$name" "$one" "${AFTER_JAVA_OPTS:-}" &
        second=$!
        wait "$first" || echo "the before session failed: $out/before-$round-$name.txt" >&2
        wait "$second" || echo "the after session failed: $out/after-$round-$name.txt" >&2
        read -r total1 steal1 < <(cpu_times)
        b=$(summary "$out/before-$round-$name.txt")
        a=$(summary "$out/after-$round-$name.txt")
        stolen=$(awk -v t=$((total1 - total0)) -v s=$((steal1 - steal0)) 'BEGIN { printf "%.0f %%", (t > 0 ? 100 * s / t : 0) }')
        echo "$round $name | $b | $a | $stolen"
        rm -r "$one"
    done
done
echo
python3 "$(dirname "$0")/paired-summary.py" "$out"
