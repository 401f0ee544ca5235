package org.adaptivestream.security;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A socket's output stream under a TLS socket that can collect records and write them at once:
 * the {@link RecordBatch} of one accepted connection. Outside a batch every write goes straight
 * to the socket. Inside one, writes are collected; the batch's thread writes them when it ends,
 * or when the next record would not fit in {@link #BATCH_BYTES}. Writes from other threads
 * meanwhile (records the TLS stack sends by itself) only ever join the buffer, never block on
 * the socket, and go out with the batch.
 *
 * <p>Ordering: the TLS stack makes and writes records one at a time under its own lock, so
 * records reach this stream in sequence order, and they leave it in the order they came.
 */
final class BatchingOutputStream extends OutputStream implements RecordBatch {

    /** Two full TLS 1.3 records (16 KiB of data, 5 bytes of header, type and tag each) and room to spare. */
    static final int BATCH_BYTES = 2 * (16 * 1024 + 256);

    private final OutputStream socket;
    private final Object lock = new Object();
    private byte[] buffer;
    private int count;
    private boolean collecting;
    private boolean writing;
    private Thread collector;
    private long socketWrites;

    BatchingOutputStream(OutputStream socket) {
        this.socket = socket;
    }

    @Override
    public void begin() {
        synchronized (lock) {
            collecting = true;
            collector = Thread.currentThread();
        }
    }

    @Override
    public void end() throws IOException {
        boolean failed = true;
        try {
            while (true) {
                writeCollected();
                synchronized (lock) {
                    if (count == 0) {
                        collecting = false;
                        collector = null;
                        failed = false;
                        return;
                    }
                }
            }
        } finally {
            if (failed) {
                synchronized (lock) {
                    // The connection is broken: nothing more will go out.
                    collecting = false;
                    collector = null;
                    count = 0;
                }
            }
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        boolean full;
        synchronized (lock) {
            if (!collecting && !writing) {
                full = false;
            } else {
                full = Thread.currentThread() == collector && !writing && count > 0 && count + length > BATCH_BYTES;
                if (!full) {
                    append(bytes, offset, length);
                    return;
                }
            }
        }
        if (full) {
            writeCollected();
            synchronized (lock) {
                append(bytes, offset, length);
            }
        } else {
            socket.write(bytes, offset, length);
            synchronized (lock) {
                socketWrites++;
            }
        }
    }

    @Override
    public void flush() throws IOException {
        synchronized (lock) {
            if (collecting || writing) {
                return; // the batch's end writes it
            }
        }
        socket.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** System calls made so far (writes to the socket): for tests. */
    long socketWrites() {
        synchronized (lock) {
            return socketWrites;
        }
    }

    /** Writes everything collected; what other threads write meanwhile goes into a fresh buffer. */
    private void writeCollected() throws IOException {
        while (true) {
            byte[] out;
            int length;
            synchronized (lock) {
                if (count == 0) {
                    writing = false;
                    return;
                }
                writing = true;
                out = buffer;
                length = count;
                buffer = null;
                count = 0;
            }
            try {
                socket.write(out, 0, length);
            } finally {
                synchronized (lock) {
                    socketWrites++;
                    if (buffer == null) {
                        buffer = out;
                    }
                    writing = false;
                }
            }
        }
    }

    private void append(byte[] bytes, int offset, int length) {
        if (buffer == null) {
            buffer = new byte[Math.max(BATCH_BYTES, length)];
        } else if (count + length > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(count + length, 2 * buffer.length));
        }
        System.arraycopy(bytes, offset, buffer, count, length);
        count += length;
    }
}
