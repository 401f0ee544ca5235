package org.adaptivestream.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.adaptivestream.protocol.MessageReader;
import org.adaptivestream.protocol.MessageWriter;
import org.adaptivestream.protocol.VideoPacket;
import org.adaptivestream.media.Rung;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Record batching: fewer socket writes, the same bytes in the same order, and never a hang. */
@Timeout(30)
class RecordBatchTest {

    /** Records every write it is given, as one array each. */
    private static final class Writes extends OutputStream {
        final List<byte[]> writes = new ArrayList<>();

        @Override
        public synchronized void write(int b) {
            writes.add(new byte[] {(byte) b});
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            writes.add(Arrays.copyOfRange(b, off, off + len));
        }

        synchronized byte[] all() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writes.forEach(out::writeBytes);
            return out.toByteArray();
        }
    }

    private static byte[] bytes(int length, int seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void batch_recordsWrittenInside_goOutInOneWriteInOrder() throws IOException {
        Writes socket = new Writes();
        BatchingOutputStream stream = new BatchingOutputStream(socket);
        byte[] first = bytes(16_406, 1);
        byte[] second = bytes(4_000, 2);

        stream.begin();
        stream.write(first);
        stream.flush();
        stream.write(second);
        stream.flush();
        assertThat(socket.writes).isEmpty();
        stream.end();

        assertThat(socket.writes).hasSize(1);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(first);
        expected.writeBytes(second);
        assertThat(socket.all()).isEqualTo(expected.toByteArray());
        assertThat(stream.socketWrites()).isEqualTo(1);
    }

    @Test
    void outsideABatch_everyWriteGoesStraightThrough() throws IOException {
        Writes socket = new Writes();
        BatchingOutputStream stream = new BatchingOutputStream(socket);
        stream.write(bytes(100, 1));
        stream.write(bytes(200, 2));
        assertThat(socket.writes).hasSize(2);
    }

    @Test
    void batch_biggerThanTheBuffer_goesOutInPiecesOfAtMostTheBufferInOrder() throws IOException {
        Writes socket = new Writes();
        BatchingOutputStream stream = new BatchingOutputStream(socket);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        stream.begin();
        for (int i = 0; i < 10; i++) {
            byte[] record = bytes(16_406, i);
            expected.writeBytes(record);
            stream.write(record);
        }
        stream.end();

        assertThat(socket.all()).isEqualTo(expected.toByteArray());
        assertThat(socket.writes).hasSize(5);
        assertThat(socket.writes).allMatch(w -> w.length <= BatchingOutputStream.BATCH_BYTES);
    }

    @Test
    void anotherThreadsRecord_duringABatch_joinsItInOrder() throws Exception {
        Writes socket = new Writes();
        BatchingOutputStream stream = new BatchingOutputStream(socket);
        stream.begin();
        stream.write(bytes(10, 1));
        CompletableFuture.runAsync(() -> {
            try {
                stream.write(bytes(20, 2));
                stream.flush();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }).get(5, TimeUnit.SECONDS);
        stream.write(bytes(30, 3));
        assertThat(socket.writes).isEmpty();
        stream.end();

        assertThat(socket.writes).hasSize(1);
        byte[] all = socket.all();
        assertThat(Arrays.copyOfRange(all, 0, 10)).isEqualTo(bytes(10, 1));
        assertThat(Arrays.copyOfRange(all, 10, 30)).isEqualTo(bytes(20, 2));
        assertThat(Arrays.copyOfRange(all, 30, 60)).isEqualTo(bytes(30, 3));
    }

    @Test
    void writeByAnotherThread_whileTheBatchsWriteIsBlocked_neverWaitsForIt() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch unblock = new CountDownLatch(1);
        Writes written = new Writes();
        OutputStream stuck = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                entered.countDown();
                try {
                    unblock.await();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                written.write(b, off, len);
            }
        };
        BatchingOutputStream stream = new BatchingOutputStream(stuck);
        CompletableFuture<Void> batch = CompletableFuture.runAsync(() -> {
            try {
                stream.begin();
                stream.write(bytes(100, 1));
                stream.end();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        // As SSLSocket.close() writing close_notify while a packet's write is stuck on a full socket.
        CompletableFuture<Void> alert = CompletableFuture.runAsync(() -> {
            try {
                stream.write(bytes(7, 2));
                stream.flush();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        alert.get(5, TimeUnit.SECONDS);
        assertThat(batch).isNotDone();

        unblock.countDown();
        batch.get(5, TimeUnit.SECONDS);
        byte[] all = written.all();
        assertThat(all).hasSize(107);
        assertThat(Arrays.copyOfRange(all, 100, 107)).as("the late record after the batch").isEqualTo(bytes(7, 2));
    }

    @Test
    void failedWrite_endsTheBatch_andLaterWritesGoStraightThrough() throws IOException {
        boolean[] fail = {true};
        Writes written = new Writes();
        OutputStream flaky = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (fail[0]) {
                    throw new IOException("broken pipe");
                }
                written.write(b, off, len);
            }
        };
        BatchingOutputStream stream = new BatchingOutputStream(flaky);
        stream.begin();
        stream.write(bytes(10, 1));
        assertThatThrownBy(stream::end).hasMessageContaining("broken pipe");
        fail[0] = false;
        stream.write(bytes(5, 2));
        assertThat(written.writes).hasSize(1);
        assertThat(written.all()).isEqualTo(bytes(5, 2));
    }

    @Test
    void overRealTls_aTwoRecordPacketInABatch_isOneSocketWriteAndArrivesWhole() throws Exception {
        ServerIdentity identity = TestCertificates.selfSigned();
        VideoPacket packet = new VideoPacket(Rung.R1080P, 0, 0, true, 0, 0, bytes(21_000, 9));
        try (TlsListener listener = TlsListener.open(identity, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            CompletableFuture<long[]> writes = CompletableFuture.supplyAsync(() -> {
                try {
                    TlsListener.Connection connection = listener.accept();
                    try (SSLSocket socket = connection.socket()) {
                        TlsHandshake.complete(socket, Duration.ofSeconds(10));
                        BatchingOutputStream batch = (BatchingOutputStream) connection.batch();
                        MessageWriter writer = new MessageWriter(socket.getOutputStream());
                        // The first write after the handshake also carries the session ticket.
                        writer.write(packet);
                        long before = batch.socketWrites();
                        writer.write(packet);
                        long unbatched = batch.socketWrites() - before;
                        before = batch.socketWrites();
                        batch.begin();
                        writer.write(packet);
                        batch.end();
                        long batched = batch.socketWrites() - before;
                        socket.getInputStream().read(); // wait for the client to have read them
                        return new long[] {unbatched, batched};
                    }
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            try (SSLSocket client = TlsClient.connect(InetAddress.getLoopbackAddress().getHostAddress(),
                    listener.getLocalPort(), ServerVerifier.pinned(identity.fingerprint()), Duration.ofSeconds(10))) {
                MessageReader reader = new MessageReader(client.getInputStream());
                for (int i = 0; i < 3; i++) {
                    VideoPacket received = (VideoPacket) reader.read().orElseThrow();
                    assertThat(received.data()).isEqualTo(packet.data());
                }
                // Once all three have arrived: a reply lets the server end.
                client.getOutputStream().write(1);
                client.getOutputStream().flush();
                long[] counts = writes.get(10, TimeUnit.SECONDS);
                assertThat(counts[0]).as("two records, two writes without a batch").isEqualTo(2);
                assertThat(counts[1]).as("one write with it").isEqualTo(1);
            }
        }
    }
}
