package org.adaptivestream.netlab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.adaptivestream.trace.BuiltInTraces;
import org.adaptivestream.trace.CapacityTrace;
import org.adaptivestream.trace.CapacityTrace.Segment;
import org.adaptivestream.trace.TraceFormatException;
import org.adaptivestream.trace.TraceReader;

/**
 * The named network profiles, for the command line, the GUI and benchmarks:
 *
 * <ul>
 *   <li>{@code fibre}: 100 Mbit/s, 5 ms;</li>
 *   <li>{@code 4g}: Verizon LTE as recorded by Mahimahi (about 5 Mbit/s, varying), 25 ms;</li>
 *   <li>{@code 3g}: HSDPA on a bus in Oslo (about 1.3 Mbit/s, varying), 60 ms;</li>
 *   <li>{@code congested-wifi}: 1.5 to 12 Mbit/s changing every half second, 15 ms ± 10 ms;</li>
 *   <li>{@code step-down}: 5, then 1, then 5 Mbit/s, 20 s each, 20 ms;</li>
 *   <li>{@code trace:<file>}: any trace file in either recorded format, or a built-in trace's
 *       name, at {@value #TRACE_DEFAULT_DELAY_MILLIS} ms unless another delay is given.</li>
 * </ul>
 */
public final class NetworkProfiles {

    public static final String TRACE_PREFIX = "trace:";
    public static final long TRACE_DEFAULT_DELAY_MILLIS = 40;
    public static final int TRACE_QUEUE_BYTES = 128 * 1024;

    static final double STEP_HIGH_BITS_PER_SECOND = 5e6;
    static final double STEP_LOW_BITS_PER_SECOND = 1e6;
    static final double STEP_SECONDS = 20;

    private static final List<NetworkProfile> BUILT_IN = List.of(
            new NetworkProfile("fibre", CapacityTrace.constant("fibre 100 Mbit/s", 100e6),
                    Duration.ofMillis(5), 256 * 1024, Duration.ZERO),
            new NetworkProfile("4g", BuiltInTraces.load("mahimahi-verizon-lte.down"),
                    Duration.ofMillis(25), 192 * 1024, Duration.ZERO)
                    .withUplinkCapacity(CapacityTrace.constant("LTE uplink 10 Mbit/s", 10e6)),
            new NetworkProfile("3g", BuiltInTraces.load("hsdpa-bus.log"),
                    Duration.ofMillis(60), 64 * 1024, Duration.ZERO)
                    .withUplinkCapacity(CapacityTrace.constant("HSUPA uplink 2 Mbit/s", 2e6)),
            new NetworkProfile("congested-wifi", congestedWifiTrace(),
                    Duration.ofMillis(15), 128 * 1024, Duration.ofMillis(10)),
            new NetworkProfile("step-down", stepDownTrace(),
                    Duration.ofMillis(20), 64 * 1024, Duration.ZERO));

    private NetworkProfiles() {
    }

    /** The built-in profiles, in the order menus show them. */
    public static List<NetworkProfile> builtIn() {
        return BUILT_IN;
    }

    /** Built-in names, plus the {@code trace:<file>} form. */
    public static List<String> names() {
        return Stream.concat(BUILT_IN.stream().map(NetworkProfile::name), Stream.of(TRACE_PREFIX + "<file>")).toList();
    }

    /**
     * The profile with this name (case-insensitive), or one made from {@code trace:<file>}.
     *
     * @throws IllegalArgumentException naming the known profiles, or saying why the trace
     *     file cannot be used
     */
    public static NetworkProfile byName(String name) {
        String wanted = name.strip();
        if (wanted.regionMatches(true, 0, TRACE_PREFIX, 0, TRACE_PREFIX.length())) {
            return fromTrace(wanted.substring(TRACE_PREFIX.length()), Duration.ofMillis(TRACE_DEFAULT_DELAY_MILLIS));
        }
        String lower = wanted.toLowerCase(Locale.ROOT);
        return BUILT_IN.stream().filter(p -> p.name().equals(lower)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no network profile named '" + name
                        + "'; known: " + String.join(", ", names())));
    }

    /**
     * A profile replaying a trace file, or a built-in trace by its name, with this delay and no
     * jitter.
     *
     * @throws IllegalArgumentException if the file is missing, unreadable or not a trace; the
     *     message names the file and, for a bad line, its number
     */
    public static NetworkProfile fromTrace(String fileOrBuiltInName, Duration oneWayDelay) {
        if (fileOrBuiltInName.isBlank()) {
            throw new IllegalArgumentException("'" + TRACE_PREFIX + "' needs a trace file, as in "
                    + TRACE_PREFIX + "traces/hsdpa-fcc/bus.ljansbakken-oslo-report.2010-09-28_1407CEST.log");
        }
        CapacityTrace trace = BuiltInTraces.NAMES.contains(fileOrBuiltInName) && !Files.exists(Path.of(fileOrBuiltInName))
                ? BuiltInTraces.load(fileOrBuiltInName)
                : readTraceFile(Path.of(fileOrBuiltInName));
        return new NetworkProfile(TRACE_PREFIX + fileOrBuiltInName, trace, oneWayDelay, TRACE_QUEUE_BYTES, Duration.ZERO);
    }

    private static CapacityTrace readTraceFile(Path file) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("trace " + file + " is a folder, not a trace file");
        }
        try {
            return TraceReader.read(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("trace file " + file.toAbsolutePath() + " does not exist; built-in traces: "
                    + String.join(", ", BuiltInTraces.NAMES), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read trace file " + file + ": " + e.getMessage(), e);
        } catch (TraceFormatException e) {
            throw new IllegalArgumentException("not a usable trace: " + e.getMessage(), e);
        }
    }

    /** 5 → 1 → 5 Mbit/s, 20 s each, then again. */
    static CapacityTrace stepDownTrace() {
        return CapacityTrace.of("step-down 5/1/5 Mbit/s", List.of(
                new Segment(0, STEP_HIGH_BITS_PER_SECOND),
                new Segment(STEP_SECONDS, STEP_LOW_BITS_PER_SECOND),
                new Segment(2 * STEP_SECONDS, STEP_HIGH_BITS_PER_SECOND)), 3 * STEP_SECONDS);
    }

    /**
     * A busy Wi-Fi cell: a random walk between 1.5 and 12 Mbit/s, new value every half second,
     * one minute long. Fixed seed, so every run and every link sees the same walk.
     */
    static CapacityTrace congestedWifiTrace() {
        double minMbps = 1.5;
        double maxMbps = 12;
        double stepSeconds = 0.5;
        int steps = 120;
        SplittableRandom random = new SplittableRandom(0x5EED_F1F1L);
        List<Segment> segments = new ArrayList<>(steps);
        double mbps = 6;
        for (int i = 0; i < steps; i++) {
            segments.add(new Segment(i * stepSeconds, mbps * 1e6));
            mbps = Math.min(maxMbps, Math.max(minMbps, mbps + random.nextDouble(-2.5, 2.5)));
        }
        return CapacityTrace.of("congested Wi-Fi", segments, steps * stepSeconds);
    }

    /** Built-in profiles, one per line, for usage texts. */
    public static String describeAll() {
        return BUILT_IN.stream().map(NetworkProfile::describe).collect(Collectors.joining(System.lineSeparator()));
    }
}
