package org.adaptivestream.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.adaptivestream.media.LibraryEntry;
import org.adaptivestream.media.Manifest;
import org.adaptivestream.media.MediaException;
import org.adaptivestream.media.MediaLibrary;
import org.adaptivestream.media.RenditionEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code adaptivestream library}: the prepared videos, and any damaged folders, in static/. */
@Command(name = "library", mixinStandardHelpOptions = true,
        description = "Lists the prepared videos in static/ (id, duration, rungs, size) and any damaged folders.")
final class LibraryCommand implements Callable<Integer> {

    private final Supplier<MediaLibrary> library;

    @Spec
    CommandSpec spec;

    LibraryCommand(Supplier<MediaLibrary> library) {
        this.library = library;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        MediaLibrary media = library.get();
        List<LibraryEntry> entries;
        try {
            entries = media.list();
        } catch (MediaException e) {
            spec.commandLine().getErr().println("library: " + e.getMessage());
            return PrepareCommand.EXIT_FAILED;
        }
        if (entries.isEmpty()) {
            out.println("No prepared videos in " + media.staticDir() + ".");
            out.println("Make the built-in sample with `adaptivestream prepare --sample`, or add one with `adaptivestream prepare <video>`.");
            return 0;
        }
        out.printf(Locale.ROOT, "%-24s %9s  %-22s %10s  %s%n", "ID", "DURATION", "RUNGS", "SIZE", "TITLE");
        for (LibraryEntry entry : entries) {
            if (entry instanceof LibraryEntry.Ready ready) {
                Manifest manifest = ready.manifest();
                String rungs = manifest.renditions().stream().map(RenditionEntry::label).collect(Collectors.joining(" "));
                out.printf(Locale.ROOT, "%-24s %8.1fs  %-22s %10s  %s%n", manifest.id(), manifest.durationMicros() / 1e6,
                        rungs, Sizes.bytes(manifest.totalBytes()), manifest.title());
            } else if (entry instanceof LibraryEntry.Damaged damaged) {
                out.printf(Locale.ROOT, "%-24s DAMAGED: %s%n", damaged.folderName(), damaged.problem());
            }
        }
        return 0;
    }
}
