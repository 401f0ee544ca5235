package org.adaptivestream.netlab;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;

/** When each read of a receiving socket returned, and how many bytes had arrived by then. */
final class Arrivals {

    private static final int POLL_MILLIS = 100;

    private long[] nanoTimes = new long[4096];
    private long[] cumulativeBytes = new long[4096];
    private int count;

    /** Reads everything the socket delivers until {@code untilNanoTime} or its end of stream. */
    static Arrivals receive(Socket socket, long untilNanoTime) throws IOException {
        Arrivals arrivals = new Arrivals();
        socket.setSoTimeout(POLL_MILLIS);
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        while (System.nanoTime() - untilNanoTime < 0) {
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException idle) {
                continue;
            }
            if (n < 0) {
                break;
            }
            total += n;
            arrivals.add(System.nanoTime(), total);
        }
        return arrivals;
    }

    private void add(long nanoTime, long cumulative) {
        if (count == nanoTimes.length) {
            nanoTimes = Arrays.copyOf(nanoTimes, count * 2);
            cumulativeBytes = Arrays.copyOf(cumulativeBytes, count * 2);
        }
        nanoTimes[count] = nanoTime;
        cumulativeBytes[count] = cumulative;
        count++;
    }

    long firstNanoTime() {
        if (count == 0) {
            throw new IllegalStateException("nothing arrived");
        }
        return nanoTimes[0];
    }

    /** Bytes that had arrived by an instant. */
    long bytesBy(long nanoTime) {
        long bytes = 0;
        for (int i = 0; i < count && nanoTimes[i] - nanoTime <= 0; i++) {
            bytes = cumulativeBytes[i];
        }
        return bytes;
    }

    /** The mean delivered rate between two instants, in bit/s. */
    double bitsPerSecondBetween(long fromNanoTime, long toNanoTime) {
        return (bytesBy(toNanoTime) - bytesBy(fromNanoTime)) * 8 / ((toNanoTime - fromNanoTime) / 1e9);
    }
}
