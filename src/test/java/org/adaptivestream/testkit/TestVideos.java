package org.adaptivestream.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.adaptivestream.media.CancelToken;
import org.adaptivestream.media.MediaException;
import org.adaptivestream.media.MediaLibrary;
import org.adaptivestream.media.ProgressListener;
import org.adaptivestream.media.VideoId;
import org.adaptivestream.security.ServerIdentity;
import org.adaptivestream.server.LibraryCatalog;

/**
 * A small real library shared by every streaming test in the run: three short built-in sample
 * clips, really encoded and preloaded once, plus one server identity. Encoding is the slow
 * part, so it happens once per test JVM.
 */
public final class TestVideos {

    public static final List<String> IDS = List.of("alpha", "beta", "gamma");
    private static final int[] SECONDS = {2, 3, 2};

    private static Path staticDir;
    private static LibraryCatalog catalog;
    private static ServerIdentity identity;

    private TestVideos() {
    }

    public static synchronized LibraryCatalog catalog() {
        if (catalog == null) {
            try {
                Path home = Files.createTempDirectory("adaptivestream-test-videos");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(home)));
                staticDir = home.resolve("static");
                MediaLibrary library = new MediaLibrary(staticDir);
                for (int i = 0; i < IDS.size(); i++) {
                    library.prepareSample(VideoId.parse(IDS.get(i)), SECONDS[i], false, ProgressListener.none(),
                            CancelToken.never());
                }
                catalog = new LibraryCatalog(library).reload();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (MediaException e) {
                throw new IllegalStateException("could not prepare the test videos: " + e.getMessage(), e);
            }
        }
        return catalog;
    }

    public static Path staticDir() {
        catalog();
        return staticDir;
    }

    public static synchronized ServerIdentity identity() {
        if (identity == null) {
            identity = ServerIdentity.generate(List.of("localhost"), List.of("127.0.0.1"),
                    Instant.now().minusSeconds(60), Duration.ofDays(30));
        }
        return identity;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort at exit
        }
    }
}
