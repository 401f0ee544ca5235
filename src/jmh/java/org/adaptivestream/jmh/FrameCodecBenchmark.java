package org.adaptivestream.jmh;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.adaptivestream.media.Rung;
import org.adaptivestream.protocol.Message;
import org.adaptivestream.protocol.MessageReader;
import org.adaptivestream.protocol.MessageWriter;
import org.adaptivestream.protocol.Pong;
import org.adaptivestream.protocol.VideoPacket;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The wire codec through its public streams: one {@link VideoPacket} (or a pong) written by
 * {@link MessageWriter} to a stream that discards it, and read back by {@link MessageReader}
 * from memory. Packet sizes: a 240p P-frame, an average 1080p frame of the sample (about
 * 5 Mbit/s at 30 fps) and a 1080p keyframe.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FrameCodecBenchmark {

    @Param({"2000", "21000", "150000"})
    public int packetBytes;

    private MessageWriter writer;
    private VideoPacket packet;
    private Pong pong;
    private byte[] encodedPacket;
    private ByteArrayInputStream packetInput;
    private MessageReader packetReader;

    private static final OutputStream DISCARD = new OutputStream() {
        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    };

    @Setup
    public void setUp() throws IOException {
        byte[] data = new byte[packetBytes];
        new Random(1).nextBytes(data);
        packet = new VideoPacket(Rung.R1080P, 1_000_000, 1_000_000, false, 123_456_789L, 42, data);
        pong = new Pong(1, 2, 3);
        writer = new MessageWriter(DISCARD);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new MessageWriter(bytes).write(packet);
        encodedPacket = bytes.toByteArray();
        packetInput = new ByteArrayInputStream(encodedPacket);
        packetReader = new MessageReader(packetInput);
    }

    @Benchmark
    public void writeVideoPacket() throws IOException {
        writer.write(packet);
    }

    @Benchmark
    public void writePong() throws IOException {
        writer.write(pong);
    }

    @Benchmark
    public Message readVideoPacket() throws IOException {
        packetInput.reset();
        return packetReader.read().orElseThrow();
    }
}
