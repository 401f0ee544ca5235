#!/usr/bin/env python3
"""Sums up paired real-mode rounds: is the after build better, or is it noise?

Usage: paired-summary.py OUT_DIR

OUT_DIR is what scripts/paired-rounds.sh wrote (before-ROUND-TRACE.json, after-ROUND-TRACE.json).
For each trace, over the rounds where both builds finished: the mean QoE of each build, the mean
of the after build's QoE minus the before build's with its standard error, in how many rounds
the after build was ahead, and each build's mean stall ratio and longest stall.

A single real-mode session of the default moves by tens of QoE points from one run to the next
on the LTE traces (docs/BENCHMARKS.md, "How noisy a paired round is"), so a difference smaller
than about twice its standard error is not yet a difference.
"""
import glob
import json
import math
import os
import re
import statistics
import sys
from collections import defaultdict


def sessions(out_dir):
    """{(trace, round): {side: (qoe, stall ratio %, longest stall s)}} for the default policy."""
    found = defaultdict(dict)
    for path in glob.glob(os.path.join(out_dir, "*.json")):
        match = re.fullmatch(r"(before|after)-(\d+)-(.+)\.json", os.path.basename(path))
        if not match:
            continue
        side, round_, trace = match.groups()
        with open(path) as f:
            report = json.load(f)
        for scored in report["traces"]:
            default = scored["policies"].get("default")
            if default:
                m = default["metrics"]
                found[(trace, int(round_))][side] = (m["qoe"], 100 * m["stallRatio"], m["longestStallSeconds"])
    return found


def main(argv):
    if len(argv) != 2:
        sys.exit(__doc__)
    pairs = defaultdict(list)
    for (trace, _), sides in sorted(sessions(argv[1]).items()):
        if "before" in sides and "after" in sides:
            pairs[trace].append((sides["before"], sides["after"]))
    if not pairs:
        sys.exit("no paired sessions in " + argv[1])
    print("| trace | rounds | before | after | after − before (± s.e.) | after ahead "
          "| stall ratio before / after | longest stall before / after |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for trace, rounds in sorted(pairs.items()):
        deltas = [a[0] - b[0] for b, a in rounds]
        n = len(deltas)
        error = statistics.stdev(deltas) / math.sqrt(n) if n > 1 else float("nan")
        print("| %s | %d | %.1f | %.1f | %+.1f ± %.1f | %d of %d | %.1f %% / %.1f %% | %.1f s / %.1f s |" % (
            trace, n,
            statistics.mean(b[0] for b, _ in rounds), statistics.mean(a[0] for _, a in rounds),
            statistics.mean(deltas), error, sum(d > 0 for d in deltas), n,
            statistics.mean(b[1] for b, _ in rounds), statistics.mean(a[1] for _, a in rounds),
            max(b[2] for b, _ in rounds), max(a[2] for _, a in rounds)))


if __name__ == "__main__":
    main(sys.argv)
