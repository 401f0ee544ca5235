package org.adaptivestream.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.adaptivestream.netlab.EmulatedLink;
import org.adaptivestream.netlab.LinkCounters;
import org.adaptivestream.netlab.NetworkLab;
import org.adaptivestream.netlab.NetworkProfile;
import org.adaptivestream.netlab.NetworkProfiles;
import org.adaptivestream.netlab.TraceClock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code adaptivestream netlab}: an emulated link in the foreground, reporting once a second. */
@Command(name = "netlab",
        mixinStandardHelpOptions = true,
        description = {
            "Relays TCP connections to a server through an emulated network link (bandwidth, delay,",
            "queue, jitter, recorded traces). Point clients at the printed address instead of the server.",
            "Profiles: fibre, 4g, 3g, congested-wifi, step-down, trace:FILE."})
final class NetlabCommand implements Callable<Integer> {

    static final long REPORT_INTERVAL_MILLIS = 1_000;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--upstream", required = true, paramLabel = "HOST:PORT",
            description = "The server to relay to.")
    String upstream;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "A built-in profile or trace:FILE; default: trace:FILE with --trace, else required.")
    String profileName;

    @Option(names = "--listen", paramLabel = "PORT", defaultValue = "0",
            description = "Loopback port to listen on; 0 picks a free one (default).")
    int listenPort;

    @Option(names = "--delay-ms", paramLabel = "MS", description = "One-way delay, instead of the profile's.")
    Long delayMillis;

    @Option(names = "--trace", paramLabel = "FILE",
            description = "Replay this trace file (either recorded format) as the link's capacity.")
    String traceFile;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0",
            description = "Stop after this many seconds; 0 runs until interrupted (default).")
    long durationSeconds;

    @Override
    public Integer call() throws InterruptedException {
        NetworkProfile profile = profile();
        InetSocketAddress upstreamAddress = HostPort.parse(upstream, spec.commandLine());
        if (listenPort < 0 || listenPort > 65_535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--listen: port " + listenPort + " is outside 0..65535");
        }
        if (durationSeconds < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--duration must not be negative");
        }
        PrintWriter out = spec.commandLine().getOut();
        EmulatedLink link;
        try {
            link = NetworkLab.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), listenPort),
                    upstreamAddress, profile, TraceClock.startingNow());
        } catch (IOException e) {
            spec.commandLine().getErr().println("netlab: " + e.getMessage());
            return 1;
        }
        Thread closeOnExit = new Thread(link::close, "netlab-shutdown");
        Runtime.getRuntime().addShutdownHook(closeOnExit);
        try (link) {
            out.printf("netlab: %s%n", profile.describe());
            out.printf("netlab: listening on %s:%d, relaying to %s%n",
                    link.localAddress().getAddress().getHostAddress(), link.localAddress().getPort(), upstream);
            out.flush();
            report(link, out);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(closeOnExit);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running already; it closes the link.
            }
        }
        return 0;
    }

    private void report(EmulatedLink link, PrintWriter out) throws InterruptedException {
        long end = durationSeconds == 0 ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.SECONDS.toNanos(durationSeconds);
        LinkCounters previous = link.counters();
        long previousAt = System.nanoTime();
        while (System.nanoTime() - end < 0) {
            long sleepNanos = Math.min(TimeUnit.MILLISECONDS.toNanos(REPORT_INTERVAL_MILLIS), end - System.nanoTime());
            TimeUnit.NANOSECONDS.sleep(Math.max(0, sleepNanos));
            LinkCounters now = link.counters();
            long nowAt = System.nanoTime();
            double seconds = (nowAt - previousAt) / 1e9;
            out.printf("t=%7.1f s  capacity %7.2f Mbit/s  down %7.2f Mbit/s  queue %5d KiB  up %6.2f Mbit/s  connections %d%n",
                    now.traceSeconds(), now.capacityBitsPerSecond() / 1e6,
                    mbps(now.downlink().deliveredBytes() - previous.downlink().deliveredBytes(), seconds),
                    now.downlink().queuedBytes() / 1024,
                    mbps(now.uplink().deliveredBytes() - previous.uplink().deliveredBytes(), seconds),
                    now.openConnections());
            out.flush();
            previous = now;
            previousAt = nowAt;
        }
    }

    private NetworkProfile profile() {
        try {
            NetworkProfile profile;
            if (profileName != null) {
                profile = NetworkProfiles.byName(profileName);
                if (traceFile != null) {
                    profile = profile.withCapacity(NetworkProfiles.fromTrace(traceFile, profile.oneWayDelay()).capacity());
                }
            } else if (traceFile != null) {
                profile = NetworkProfiles.byName(NetworkProfiles.TRACE_PREFIX + traceFile);
            } else {
                throw new IllegalArgumentException("give --profile NAME or --trace FILE; profiles: "
                        + String.join(", ", NetworkProfiles.names()));
            }
            if (delayMillis != null) {
                profile = profile.withOneWayDelay(Duration.ofMillis(delayMillis));
            }
            return profile;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private static double mbps(long bytes, double seconds) {
        return seconds <= 0 ? 0 : bytes * 8 / seconds / 1e6;
    }
}
