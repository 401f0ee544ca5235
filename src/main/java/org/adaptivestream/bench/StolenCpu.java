package org.adaptivestream.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How much of this machine's CPU time its host gave to other guests over a stretch of time, from
 * the "steal" column of {@code /proc/stat}. Real-mode benchmarks run in real time: when the host
 * takes half the CPU, frames are decoded late and every policy stalls for it (two rounds on
 * 2026-11-23 scored −38 where the same build scored 78), so a result is worth only as much as
 * this figure is low. Linux only; elsewhere, or on a kernel without the column, it is unknown.
 */
public final class StolenCpu {

    /** Above this share, real-time results say more about the host than about the policies. */
    public static final double UNRELIABLE_ABOVE = 0.10;

    private static final Path PROC_STAT = Path.of("/proc/stat");

    /** Jiffies the host stole, and all jiffies, summed over the CPUs since boot. */
    record Counters(long stolen, long total) {
    }

    private final Path source;
    private final Optional<Counters> start;

    private StolenCpu(Path source) {
        this.source = source;
        this.start = read(source);
    }

    /** Starts counting now, from this machine's {@code /proc/stat}. */
    public static StolenCpu startingNow() {
        return new StolenCpu(PROC_STAT);
    }

    static StolenCpu startingNow(Path procStat) {
        return new StolenCpu(procStat);
    }

    /** The share of CPU time stolen since the start, 0 to 1; empty if unknown. */
    public OptionalDouble share() {
        Optional<Counters> end = read(source);
        if (start.isEmpty() || end.isEmpty()) {
            return OptionalDouble.empty();
        }
        long total = end.get().total() - start.get().total();
        return total > 0 ? OptionalDouble.of((double) (end.get().stolen() - start.get().stolen()) / total)
                : OptionalDouble.empty();
    }

    /**
     * The first line, "cpu user nice system idle iowait irq softirq steal [guest guest_nice]";
     * guest time is already counted in user and nice, so it is left out of the total.
     */
    static Optional<Counters> read(Path procStat) {
        String first;
        try (BufferedReader in = Files.newBufferedReader(procStat)) {
            first = in.readLine();
        } catch (IOException e) {
            return Optional.empty();
        }
        if (first == null) {
            return Optional.empty();
        }
        String[] fields = first.trim().split("\\s+");
        if (fields.length < 9 || !fields[0].equals("cpu")) {
            return Optional.empty();
        }
        long total = 0;
        try {
            for (int i = 1; i <= 8; i++) {
                total += Long.parseLong(fields[i]);
            }
            return Optional.of(new Counters(Long.parseLong(fields[8]), total));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
