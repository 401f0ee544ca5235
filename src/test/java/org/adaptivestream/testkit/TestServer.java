package org.adaptivestream.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.adaptivestream.client.ClientConfig;
import org.adaptivestream.security.ServerVerifier;
import org.adaptivestream.server.ServerConfig;
import org.adaptivestream.server.ServerListener;
import org.adaptivestream.server.SessionInfo;
import org.adaptivestream.server.StreamingServer;

/** A real server on 127.0.0.1, port 0, over the shared test videos; records what it reports. */
public final class TestServer implements AutoCloseable {

    public final StreamingServer server;
    public final List<String> events = new CopyOnWriteArrayList<>();

    public TestServer() {
        this(ServerConfig.defaults().withPort(0).withBindAddress(InetAddress.getLoopbackAddress()));
    }

    public TestServer(ServerConfig config) {
        server = new StreamingServer(config, TestVideos.identity(), TestVideos.catalog(), new ServerListener() {
            @Override
            public void sessionOpened(SessionInfo s) {
                events.add("opened #" + s.sessionId());
            }

            @Override
            public void sessionEvent(SessionInfo s, String event) {
                events.add("#" + s.sessionId() + " " + event);
            }

            @Override
            public void sessionClosed(SessionInfo s, String reason) {
                events.add("closed #" + s.sessionId() + ": " + reason);
            }

            @Override
            public void connectionRefused(String remote, String reason) {
                events.add("refused " + remote + ": " + reason);
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.port();
    }

    /** A client configuration that pins this server's certificate; no reconnects, so failures show. */
    public ClientConfig clientConfig() {
        return ClientConfig.of("127.0.0.1", port(), ServerVerifier.pinned(server.fingerprint()))
                .withReconnect(false).withTargetDelay(Duration.ofMillis(150));
    }

    @Override
    public void close() {
        server.close();
    }
}
