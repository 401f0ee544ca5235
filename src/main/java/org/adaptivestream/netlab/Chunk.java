package org.adaptivestream.netlab;

/**
 * The unit the link serialises: at most one Ethernet MTU of a TCP stream, so the emulated rate
 * is smooth at packet scale and a small message is never held behind a large read. An empty
 * chunk marks the end of the stream (a FIN), which travels in order behind the data.
 *
 * @param deliverAtNanoTime the {@link System#nanoTime()} at which the far end may receive it
 */
record Chunk(byte[] bytes, long deliverAtNanoTime) {

    /** Ethernet's MTU: the granularity at which real bottlenecks release data. */
    static final int MAX_BYTES = 1500;

    static Chunk endOfStream(long deliverAtNanoTime) {
        return new Chunk(new byte[0], deliverAtNanoTime);
    }

    boolean isEndOfStream() {
        return bytes.length == 0;
    }
}
