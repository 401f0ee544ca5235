package org.adaptivestream.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay on 127.0.0.1 between a client and a server that fails on demand, like the
 * network or a crashing server would: a reset in the middle of a frame, a half-close towards
 * the client, or a stretch of refused connections. Faults are named methods, tests ask for them.
 */
public final class FaultyRelay implements AutoCloseable {

    private final InetSocketAddress upstream;
    private final ServerSocket listener;
    private final Thread acceptor;
    private final List<Pair> pairs = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile long refuseUntilNanos;
    private volatile boolean cutMidChunk;
    private volatile boolean closed;

    private final class Pair {
        final Socket client;
        final Socket server;
        volatile boolean halfClosedToClient;

        Pair(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void start() {
            daemon(() -> pump(client, server, false), "relay-up").start();
            daemon(() -> pump(server, client, true), "relay-down").start();
        }

        void pump(Socket from, Socket to, boolean towardsClient) {
            byte[] buffer = new byte[16 * 1024];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (towardsClient && halfClosedToClient) {
                        continue; // the client's side is shut: drop what the server still sends
                    }
                    if (towardsClient && cutMidChunk && n > 1) {
                        cutMidChunk = false;
                        out.write(buffer, 0, n / 2);
                        out.flush();
                        reset();
                        return;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away: take the other down too
            }
            if (!(towardsClient && halfClosedToClient)) {
                closeQuietly(from);
                closeQuietly(to);
            }
        }

        void reset() {
            for (Socket s : List.of(client, server)) {
                try {
                    s.setSoLinger(true, 0);
                } catch (IOException ignored) {
                    // already closed
                }
                closeQuietly(s);
            }
            pairs.remove(this);
        }

        void halfCloseTowardsClient() throws IOException {
            halfClosedToClient = true;
            client.shutdownOutput(); // a FIN, no TLS close_notify: as if the server's side ended
        }
    }

    public FaultyRelay(InetSocketAddress upstream) throws IOException {
        this.upstream = upstream;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = daemon(this::acceptLoop, "relay-acceptor");
        acceptor.start();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort());
    }

    /** Connections accepted so far, refused ones included. */
    public int accepted() {
        return accepted.get();
    }

    /** The next chunk from the server reaches the client only half, then both connections are reset. */
    public void resetMidFrame() {
        cutMidChunk = true;
    }

    /** Shuts the server-to-client direction of every connection; the client-to-server one stays open. */
    public void halfCloseTowardsClients() throws IOException {
        for (Pair p : pairs) {
            p.halfCloseTowardsClient();
        }
    }

    /** New connections are reset at once for this long. */
    public void refuseFor(long millis) {
        refuseUntilNanos = System.nanoTime() + millis * 1_000_000L;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                accepted.incrementAndGet();
                if (System.nanoTime() < refuseUntilNanos) {
                    client.setSoLinger(true, 0);
                    client.close();
                    continue;
                }
                Socket server = new Socket(upstream.getAddress(), upstream.getPort());
                Pair pair = new Pair(client, server);
                pairs.add(pair);
                pair.start();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        for (Pair p : pairs) {
            closeQuietly(p.client);
            closeQuietly(p.server);
        }
        try {
            acceptor.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
    }
}
