package org.adaptivestream.trace;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The recorded traces shipped inside the app, so it works without the shared trace folder. */
public final class BuiltInTraces {

    /** File names under this package's resources, mobile first. */
    public static final List<String> NAMES = List.of(
            "hsdpa-bus.log",
            "hsdpa-train.log",
            "hsdpa-ferry.log",
            "fcc-broadband.log",
            "mahimahi-verizon-lte.down",
            "mahimahi-att-lte-driving.down");

    private BuiltInTraces() {
    }

    /** Loads one bundled trace by file name. */
    public static CapacityTrace load(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("no built-in trace named '" + name + "'; known: " + NAMES);
        }
        try (InputStream in = BuiltInTraces.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("built-in trace " + name + " is missing from the build");
            }
            return TraceReader.read(name, new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TraceFormatException e) {
            throw new IllegalStateException("built-in trace " + name + " is corrupt: " + e.getMessage(), e);
        }
    }

    public static List<CapacityTrace> loadAll() {
        return NAMES.stream().map(BuiltInTraces::load).toList();
    }
}
