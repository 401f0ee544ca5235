package org.adaptivestream.netlab;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** A test server on a loopback ephemeral port: one thread per connection, running a handler. */
final class LoopbackServer implements AutoCloseable {

    /** What the server does with each accepted connection. */
    interface Handler {
        void handle(Socket socket) throws IOException;
    }

    private final ServerSocket server;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final AtomicInteger finished = new AtomicInteger();
    private volatile boolean closed;

    private LoopbackServer(Handler handler) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!closed) {
                try {
                    Socket socket = server.accept();
                    socket.setTcpNoDelay(true);
                    sockets.add(socket);
                    Thread worker = new Thread(() -> {
                        try (socket) {
                            handler.handle(socket);
                        } catch (IOException ignored) {
                            // The test sees what the client sees; the server only serves.
                        } finally {
                            finished.incrementAndGet();
                        }
                    }, "test-server-conn");
                    worker.setDaemon(true);
                    threads.add(worker);
                    worker.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "test-server-accept");
        acceptor.setDaemon(true);
        threads.add(acceptor);
        acceptor.start();
    }

    static LoopbackServer start(Handler handler) throws IOException {
        return new LoopbackServer(handler);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    /** Connections whose handler has returned or failed. */
    int finishedConnections() {
        return finished.get();
    }

    @Override
    public void close() throws Exception {
        closed = true;
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        for (Thread thread : threads) {
            thread.join(1_000);
        }
    }

    /** Writes as fast as the connection takes it, until the peer goes; counts what it wrote. */
    static Handler flood(AtomicLong written) {
        return socket -> {
            byte[] block = new byte[16 * 1024];
            OutputStream out = socket.getOutputStream();
            while (true) {
                out.write(block);
                written.addAndGet(block.length);
            }
        };
    }

    static Handler flood() {
        return flood(new AtomicLong());
    }

    /** Sends back everything, then, at end of stream, {@code goodbye} and a close. */
    static Handler echo(byte[] goodbye) {
        return socket -> {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            in.transferTo(out);
            out.write(goodbye);
            out.flush();
        };
    }

    /**
     * For every 8-byte {@link System#nanoTime()} received, records how long it took to arrive
     * and answers with its own {@link System#nanoTime()}.
     */
    static Handler timestamps(List<Long> uplinkDelaysNanos) {
        return socket -> {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            try {
                while (true) {
                    long sent = in.readLong();
                    uplinkDelaysNanos.add(System.nanoTime() - sent);
                    out.writeLong(System.nanoTime());
                    out.flush();
                }
            } catch (EOFException end) {
                // Client done.
            }
        };
    }

    /** Reads one byte, then resets the connection. */
    static Handler resetAfterFirstByte() {
        return socket -> {
            socket.getInputStream().read();
            socket.setSoLinger(true, 0);
            socket.close();
        };
    }
}
