package org.adaptivestream.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import org.adaptivestream.Workspace;
import org.adaptivestream.media.CancelToken;
import org.adaptivestream.media.MediaException;
import org.adaptivestream.media.MediaLibrary;
import org.adaptivestream.media.ProgressListener;
import org.adaptivestream.media.VideoId;
import org.adaptivestream.security.ServerIdentity;
import org.adaptivestream.server.LibraryCatalog;
import org.adaptivestream.server.ServerConfig;
import org.adaptivestream.server.ServerListener;
import org.adaptivestream.server.StreamingServer;

/**
 * A workspace with a short prepared sample, made once per test run (preparing costs seconds),
 * and real TLS servers over it on 127.0.0.1, port 0.
 */
public final class TestServers {

    public static final String VIDEO_ID = "t";
    private static Path preparedHome;

    private TestServers() {
    }

    /** A workspace home whose library holds the 4 s sample {@value #VIDEO_ID}; shared, do not modify. */
    public static synchronized Workspace sampleWorkspace() {
        if (preparedHome == null) {
            try {
                Path home = Files.createTempDirectory("adaptivestream-app-test");
                // Shared by every test class of the run, so it can only go when the JVM does.
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(home), "test-workspace-cleanup"));
                MediaLibrary.of(Workspace.at(home)).prepareSample(VideoId.parse(VIDEO_ID), 4, false,
                        ProgressListener.none(), CancelToken.never());
                preparedHome = home;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (MediaException e) {
                throw new IllegalStateException(e);
            }
        }
        return Workspace.at(preparedHome);
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete the test workspace " + root + ": " + e);
        }
    }

    /** A workspace sharing the sample library but with its own config folder (settings, known servers). */
    public static Workspace sampleWorkspaceWithConfig(Path configDir) {
        return new Workspace(sampleWorkspace().home(), configDir);
    }

    public static StreamingServer startServer() throws IOException, MediaException {
        Workspace ws = sampleWorkspace();
        ServerIdentity identity = ServerIdentity.loadOrCreate(ws.certsDir());
        LibraryCatalog catalog = new LibraryCatalog(MediaLibrary.of(ws)).reload();
        return new StreamingServer(ServerConfig.defaults().withPort(0), identity, catalog, ServerListener.NONE).start();
    }

    public static final Executor SAME_THREAD = Runnable::run;

    /** A notifier that remembers what it was told. */
    public static final class RecordingNotifier implements Notifier {
        public final List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        public final List<String> infos = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void error(String title, String message) {
            errors.add(title + ": " + message);
        }

        @Override
        public void info(String message) {
            infos.add(message);
        }
    }
}
