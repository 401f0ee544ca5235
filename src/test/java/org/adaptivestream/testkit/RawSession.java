package org.adaptivestream.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLSocket;
import org.adaptivestream.protocol.Hello;
import org.adaptivestream.protocol.Message;
import org.adaptivestream.protocol.MessageReader;
import org.adaptivestream.protocol.MessageWriter;
import org.adaptivestream.protocol.ProtocolVersion;
import org.adaptivestream.protocol.Welcome;
import org.adaptivestream.security.ServerVerifier;
import org.adaptivestream.security.TlsClient;

/** A hand-driven TLS session with a test server: send any bytes or messages, read what comes back. */
public final class RawSession implements AutoCloseable {

    public final SSLSocket socket;
    public final MessageWriter out;
    public final MessageReader in;

    private RawSession(SSLSocket socket) throws IOException {
        this.socket = socket;
        this.out = new MessageWriter(socket.getOutputStream());
        this.in = new MessageReader(socket.getInputStream());
        socket.setSoTimeout(10_000);
    }

    /** TLS only, nothing sent yet. */
    public static RawSession connect(TestServer server) throws IOException {
        return new RawSession(TlsClient.connect("127.0.0.1", server.port(),
                ServerVerifier.pinned(server.server.fingerprint()), Duration.ofSeconds(5)));
    }

    /** TLS, HELLO and the server's WELCOME, at the current protocol version. */
    public static RawSession welcomed(TestServer server, String name) throws IOException {
        return welcomed(server, name, ProtocolVersion.CURRENT);
    }

    /** TLS, HELLO offering versions 1 to {@code maxVersion}, and the server's WELCOME. */
    public static RawSession welcomed(TestServer server, String name, int maxVersion) throws IOException {
        RawSession session = connect(server);
        session.out.write(new Hello(ProtocolVersion.OLDEST_SUPPORTED, maxVersion, name));
        Optional<Message> answer = session.in.read();
        if (answer.isEmpty() || !(answer.get() instanceof Welcome)) {
            session.close();
            throw new IOException("expected WELCOME, got " + answer);
        }
        return session;
    }

    public void writeRaw(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /** An abrupt close: TCP reset, no close_notify. Nothing to do if the connection is already closed. */
    public void reset() throws IOException {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException e) {
            if (!socket.isClosed()) {
                throw e;
            }
            return; // a reader thread saw the server close the connection, and that closed the socket
        }
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Reads until the peer closes; true if it did within the timeout (a reset or TLS alert counts). */
    public static boolean closedByPeer(Socket socket, Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[16 * 1024];
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (in.read(buffer) >= 0) {
                if (System.nanoTime() > deadline) {
                    return false; // still talking: not closed
                }
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
