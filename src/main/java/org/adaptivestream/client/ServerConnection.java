package org.adaptivestream.client;

import java.io.IOException;
import javax.net.ssl.SSLSocket;
import org.adaptivestream.protocol.Acknowledgements;
import org.adaptivestream.protocol.DropGop;
import org.adaptivestream.protocol.ErrorMessage;
import org.adaptivestream.protocol.Hello;
import org.adaptivestream.protocol.Message;
import org.adaptivestream.protocol.MessageReader;
import org.adaptivestream.protocol.MessageWriter;
import org.adaptivestream.protocol.Received;
import org.adaptivestream.protocol.Welcome;
import org.adaptivestream.security.TlsClient;

/**
 * One verified TLS connection to a server that has answered HELLO with WELCOME. A reconnect
 * opens a new one; the acknowledgements owed belong to the connection they were earned on.
 */
record ServerConnection(SSLSocket socket, MessageReader in, MessageWriter out, Welcome welcome, Acknowledgements acks) {

    /**
     * Connects, verifies the server and says hello.
     *
     * @throws org.adaptivestream.security.UntrustedServerException if the server's certificate is refused
     * @throws IOException if the server cannot be reached or refuses us (the message says why)
     */
    static ServerConnection open(ClientConfig config) throws IOException {
        SSLSocket socket = TlsClient.connect(config.host(), config.port(), config.dialAddress(), config.verifier(),
                config.connectTimeout());
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) config.connectTimeout().toMillis());
            MessageWriter out = new MessageWriter(socket.getOutputStream());
            MessageReader in = new MessageReader(socket.getInputStream());
            out.write(Hello.of(config.clientName()));
            Message first = in.read().orElseThrow(() -> new IOException("the server closed the connection after the handshake"));
            if (first instanceof ErrorMessage error) {
                throw new IOException("server refused: " + error.text() + " (" + error.code() + ")");
            }
            if (!(first instanceof Welcome welcome)) {
                throw new IOException("server answered HELLO with " + first.type() + ", not WELCOME");
            }
            // Reads now wait for video, which may pause for a while; liveness comes from pongs.
            socket.setSoTimeout(0);
            return new ServerConnection(socket, in, out, welcome, new Acknowledgements());
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Whether the server holds back what it sends until we acknowledge it (protocol version 3). */
    boolean acknowledgesVideo() {
        return welcome.version() >= Received.SINCE_VERSION;
    }

    /** Whether the server leaves a GOP unsent when asked (protocol version 4). */
    boolean dropsGops() {
        return welcome.version() >= DropGop.SINCE_VERSION;
    }

    void closeQuietly() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closing
        }
    }
}
