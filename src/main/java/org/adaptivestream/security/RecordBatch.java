package org.adaptivestream.security;

import java.io.IOException;

/**
 * Sends the TLS records of one message in one system call. {@code SSLSocket} writes every
 * record it makes as it makes it, each a socket write of its own, so a 21 KB video packet (two
 * records) cost two system calls and, on the receiving host, two wake-ups. Between {@link #begin}
 * and {@link #end} the records written to the connection are collected instead and {@code end}
 * writes them at once (a message bigger than {@value BatchingOutputStream#BATCH_BYTES} bytes goes
 * out in pieces of that size).
 *
 * <p>Use: {@code batch.begin(); try { writer.write(message); } finally { batch.end(); }}, from
 * one thread at a time. Records the TLS stack writes by itself meanwhile (an alert, a key
 * update, {@code close_notify}) join the batch, in order; none of them ever waits for a batch
 * being written, so closing a connection whose batch write is blocked does not hang.
 */
public interface RecordBatch {

    /** A batch that does nothing: records go out as they are made. */
    RecordBatch NONE = new RecordBatch() {
        @Override
        public void begin() {
        }

        @Override
        public void end() {
        }
    };

    /** Starts collecting records. */
    void begin();

    /** Writes what was collected and stops collecting; blocks as a socket write does. */
    void end() throws IOException;
}
