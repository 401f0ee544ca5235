#!/usr/bin/env python3
"""How a keyframe probe reads a bursty link, replayed without the app.

Usage: probe-replay.py TRACE.down KEYFRAME_KIB PFRAME_KIB [PADDING_KIB]

Replays a Mahimahi trace (one line per 1500-byte delivery opportunity, in ms) as a FIFO queue
and streams 30 fps, 15-frame GOPs onto it, 20 ms of one-way delay before the bottleneck. With
PADDING_KIB, every fourth keyframe has that much filler written straight behind it. A probe is
a keyframe of 56 KiB or more, filler included: its bits over the time from when it could reach
the link (or the frame before it arrived, if later) until its last byte arrived, compared with
what the link carried in the two seconds around it; probes where it carried 1 Mbit/s or less
(dead stretches) are left out. Prints the quartiles of that ratio for all probes and for those
sent onto an idle link (the frame before them already arrived). docs/BENCHMARKS.md, "Probing
the link with padding", quotes its medians for 80/16 and 40/8/40 over the LTE traces.
"""
import bisect
import statistics
import sys

PACKET_BYTES = 1500
ONE_WAY_MS = 20
PROBE_MIN_BYTES = 56 * 1024
SECONDS = 58


def opportunities(path):
    trace = [int(line) for line in open(path) if line.strip()]
    period = trace[-1]
    times, lap = [], 0
    while not times or times[-1] < (SECONDS + 4) * 1000:
        times += [t + lap * period for t in trace]
        lap += 1
    return times


def replay(times, keyframe_kib, pframe_kib, padding_kib):
    next_free = 0  # index of the first opportunity no packet has taken yet

    def send(at_ms, size):
        nonlocal next_free
        packets = -(-int(size) // PACKET_BYTES)
        first = max(next_free, bisect.bisect_left(times, at_ms))
        next_free = first + packets
        return times[first + packets - 1]

    last_arrival = float("-inf")
    every, idle = [], []
    for frame in range(30 * SECONDS):
        sent = 1000 + frame * 1000 / 30
        keyframe = frame % 15 == 0
        earliest = sent + ONE_WAY_MS
        onto_idle = earliest >= last_arrival
        size = (keyframe_kib if keyframe else pframe_kib) * 1024
        arrival = send(earliest, size)
        if keyframe and padding_kib and (frame // 15) % 4 == 0:
            arrival = send(earliest, padding_kib * 1024)
            size += padding_kib * 1024
        if keyframe and size >= PROBE_MIN_BYTES:
            lo = bisect.bisect_left(times, sent - 1000)
            hi = bisect.bisect_left(times, sent + 1000)
            carried = (hi - lo) * PACKET_BYTES * 8 / 2.0  # bit/s over the two seconds around it
            # A trace line is a whole millisecond: the last packet lands half of one later on average.
            read = size * 8 / ((arrival - max(earliest, last_arrival) + 0.5) / 1000)
            if carried > 1e6:
                every.append(read / carried)
                if onto_idle:
                    idle.append(read / carried)
        last_arrival = max(last_arrival, arrival)
    return every, idle


def quartiles(ratios):
    if len(ratios) < 4:
        return "n %d, too few" % len(ratios)
    q1, median, q3 = statistics.quantiles(ratios, n=4)
    return "n %d, p25 %.2f, median %.2f, p75 %.2f" % (len(ratios), q1, median, q3)


def main(argv):
    if len(argv) not in (4, 5):
        sys.exit(__doc__)
    every, idle = replay(opportunities(argv[1]), float(argv[2]), float(argv[3]),
                         float(argv[4]) if len(argv) == 5 else 0)
    print("all probes:        ", quartiles(every))
    print("onto an idle link: ", quartiles(idle))


if __name__ == "__main__":
    main(sys.argv)
