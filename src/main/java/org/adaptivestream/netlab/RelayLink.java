package org.adaptivestream.netlab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The emulated link as a TCP relay: an accepting thread and a {@link RelayedConnection} per client. */
final class RelayLink implements EmulatedLink {

    private static final Logger LOG = LoggerFactory.getLogger(RelayLink.class);
    static final long CLOSE_TIMEOUT_MILLIS = 1_000;

    private final ServerSocket server;
    private final InetSocketAddress localAddress;
    private final InetSocketAddress upstream;
    private final NetworkProfile profile;
    private final TraceClock clock;
    private final LinkDirection downlink;
    private final LinkDirection uplink;
    private final String threadPrefix;
    private final Set<RelayedConnection> open = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final AtomicLong accepted = new AtomicLong();
    private volatile boolean closed;

    /** Takes ownership of a bound server socket; {@link #start()} begins accepting. */
    RelayLink(ServerSocket server, InetSocketAddress upstream, NetworkProfile profile, TraceClock clock) {
        this.server = server;
        this.localAddress = (InetSocketAddress) server.getLocalSocketAddress();
        this.upstream = upstream;
        this.profile = profile;
        this.clock = clock;
        this.downlink = new LinkDirection(Optional.of(profile.capacity()), profile.queueBytes(),
                profile.oneWayDelay(), profile.jitter(), clock);
        this.uplink = new LinkDirection(profile.uplinkCapacity(), profile.queueBytes(),
                profile.oneWayDelay(), Duration.ZERO, clock);
        this.threadPrefix = "netlab-" + localAddress.getPort() + "-";
    }

    RelayLink start() {
        startThread("accept", this::acceptLoop);
        return this;
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("netlab {}: accepting failed, link stops: {}", localAddress, e.toString());
                }
                return;
            }
            RelayedConnection connection = new RelayedConnection(accepted.incrementAndGet(), client, upstream, this);
            open.add(connection);
            if (closed) {
                connection.close(false);
                return;
            }
            connection.start();
        }
    }

    Thread startThread(String role, Runnable body) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } finally {
                threads.remove(Thread.currentThread());
            }
        }, threadPrefix + role);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
        return thread;
    }

    void connectionClosed(RelayedConnection connection) {
        open.remove(connection);
    }

    LinkDirection downlink() {
        return downlink;
    }

    LinkDirection uplink() {
        return uplink;
    }

    @Override
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    @Override
    public InetSocketAddress upstream() {
        return upstream;
    }

    @Override
    public NetworkProfile profile() {
        return profile;
    }

    @Override
    public TraceClock clock() {
        return clock;
    }

    @Override
    public LinkCounters counters() {
        return new LinkCounters(clock.nowSeconds(), downlink.bottleneck().capacityBitsPerSecond(),
                downlink.counters(), uplink.counters(), open.size(), accepted.get());
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("netlab {}: closing the listening socket: {}", localAddress, e.toString());
        }
        for (RelayedConnection connection : open) {
            connection.close(false);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_TIMEOUT_MILLIS);
        for (Thread thread : threads) {
            if (thread == Thread.currentThread()) {
                continue;
            }
            long left = deadline - System.nanoTime();
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                if (thread.isAlive()) {
                    LOG.warn("netlab {}: thread {} still running after close", localAddress, thread.getName());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public String toString() {
        return "EmulatedLink[" + localAddress + " -> " + upstream + ", " + profile.name() + "]";
    }
}
