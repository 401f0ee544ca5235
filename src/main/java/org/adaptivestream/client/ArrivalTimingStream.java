package org.adaptivestream.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Notes when the first bytes of each frame arrive. A large frame written in one piece crosses
 * the bottleneck at link rate, so the spread between its first and last byte measures the
 * link's capacity even when the stream's average rate is only the video's bitrate. One reader
 * thread; {@link #newFrame} before each frame is read.
 */
final class ArrivalTimingStream extends FilterInputStream {

    private long frameStartMicros;
    private int firstReadBytes;

    ArrivalTimingStream(InputStream in) {
        super(in);
    }

    void newFrame() {
        frameStartMicros = 0;
        firstReadBytes = 0;
    }

    /** When the current frame's first bytes were read, 0 if none yet. */
    long frameStartMicros() {
        return frameStartMicros;
    }

    /** Bytes the first read returned: they had arrived by then, so they are not part of the spread. */
    int firstReadBytes() {
        return firstReadBytes;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        noteRead(b < 0 ? -1 : 1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        noteRead(n);
        return n;
    }

    private void noteRead(int n) {
        if (n > 0 && frameStartMicros == 0) {
            frameStartMicros = StreamingClient.micros();
            firstReadBytes = n;
        }
    }
}
