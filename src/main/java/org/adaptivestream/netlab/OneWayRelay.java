package org.adaptivestream.netlab;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;

/**
 * One direction of a relayed connection: a reading loop that pushes what one socket sends
 * through the bottleneck into the delay line, and a writing loop that hands what comes out of
 * the line to the other socket. Each loop runs on its own thread, supplied by the connection,
 * and reports how it ended to the connection.
 */
final class OneWayRelay {

    /** Largest single socket write: chunks due together are written together. */
    private static final int MAX_WRITE_BYTES = 64 * 1024;

    private final Socket from;
    private final Socket to;
    private final Bottleneck bottleneck;
    private final DelayLine line;
    private final TrafficMeter meter;
    private final RelayedConnection connection;

    OneWayRelay(Socket from, Socket to, Bottleneck bottleneck, DelayLine line, TrafficMeter meter,
            RelayedConnection connection) {
        this.from = from;
        this.to = to;
        this.bottleneck = bottleneck;
        this.line = line;
        this.meter = meter;
        this.connection = connection;
    }

    void readLoop() {
        byte[] buffer = new byte[Chunk.MAX_BYTES];
        try {
            InputStream in = from.getInputStream();
            while (true) {
                int n = in.read(buffer);
                if (n < 0) {
                    // The FIN needs no serialisation time, only propagation, behind the data.
                    line.put(new byte[0], System.nanoTime());
                    return;
                }
                long departure = bottleneck.enter(n);
                line.put(Arrays.copyOf(buffer, n), departure);
            }
        } catch (IOException e) {
            connection.failed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void writeLoop() {
        byte[] batch = new byte[MAX_WRITE_BYTES];
        try {
            OutputStream out = to.getOutputStream();
            while (true) {
                List<Chunk> due = line.takeDue(MAX_WRITE_BYTES);
                int length = 0;
                boolean ended = false;
                for (Chunk chunk : due) {
                    System.arraycopy(chunk.bytes(), 0, batch, length, chunk.bytes().length);
                    length += chunk.bytes().length;
                    ended |= chunk.isEndOfStream();
                }
                if (length > 0) {
                    out.write(batch, 0, length);
                    meter.delivered(length);
                }
                if (ended) {
                    to.shutdownOutput();
                    connection.directionEnded();
                    return;
                }
            }
        } catch (IOException e) {
            connection.failed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
