package org.adaptivestream.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.adaptivestream.media.CancelToken;
import org.adaptivestream.media.MediaLibrary;
import org.adaptivestream.media.ProgressListener;
import org.adaptivestream.server.LibraryCatalog;
import org.adaptivestream.soak.Soak;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code soak}: many clients connecting, streaming and leaving against one server, with vitals printed as it goes. */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = {"Soak test on loopback: a real server and N real clients that connect, stream a low rung for "
                + "2-12 s and leave (one in four abruptly, with a TCP reset), over and over, for the given time. "
                + "Prints heap (after a GC), threads and open file descriptors every few seconds; exits 1 if "
                + "threads or descriptors did not return to their starting count, or if any client failed."})
final class SoakCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--clients", defaultValue = "16", description = "Client slots at once (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--minutes", defaultValue = "10", description = "How long to run (default: ${DEFAULT-VALUE}).")
    double minutes;

    @Option(names = "--interval", paramLabel = "S", defaultValue = "10", description = "Seconds between vitals lines (default: ${DEFAULT-VALUE}).")
    int intervalSeconds;

    private final Supplier<MediaLibrary> library;

    SoakCommand(Supplier<MediaLibrary> library) {
        this.library = library;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        MediaLibrary lib = library.get();
        lib.ensureSample(ProgressListener.none(), new CancelToken());
        LibraryCatalog catalog = new LibraryCatalog(lib).reload();
        Soak.Result result = new Soak(catalog, clients, Duration.ofMillis((long) (minutes * 60_000)),
                Duration.ofSeconds(Math.max(1, intervalSeconds)), out).run();
        return result.leaked() || result.errors() > 0 ? 1 : 0;
    }
}
