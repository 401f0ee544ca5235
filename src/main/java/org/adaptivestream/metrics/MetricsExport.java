package org.adaptivestream.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a session's metrics as CSV (one row per sample: time, metric, value — easy to pivot
 * in any tool) and as JSON (summary, series and switches). Files are written to a temporary
 * sibling and moved into place, so a full disk never leaves a half-written export.
 */
public final class MetricsExport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MetricsExport() {
    }

    public static void writeCsv(SessionMetrics metrics, Path file) throws IOException {
        writeAtomically(file, out -> {
            out.write("time_s,metric,value\n");
            for (Metric metric : Metric.values()) {
                TimeSeries.Points points = metrics.series(metric).all();
                for (int i = 0; i < points.size(); i++) {
                    out.write(String.format(Locale.ROOT, "%.3f,%s,%.4f%n", points.time(i), metric.key(), points.value(i)));
                }
            }
            for (SwitchEvent event : metrics.switches()) {
                out.write(String.format(Locale.ROOT, "%.3f,switch,\"%s -> %s: %s\"%n",
                        event.timeSeconds(), event.from(), event.to(), event.reason().replace("\"", "\"\"")));
            }
        });
    }

    public static void writeJson(SessionMetrics metrics, Path file) throws IOException {
        writeAtomically(file, out -> JSON.writeValue(out, toJsonTree(metrics)));
    }

    /** The JSON document as plain maps and records, for embedding in larger reports. */
    public static Map<String, Object> toJsonTree(SessionMetrics metrics) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("summary", metrics.summary());
        Map<String, Object> series = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            TimeSeries.Points points = metrics.series(metric).all();
            series.put(metric.key(), Map.of("time_s", points.times(), "value", points.values()));
        }
        root.put("series", series);
        root.put("switches", metrics.switches());
        return root;
    }

    private interface Body {
        void writeTo(Writer out) throws IOException;
    }

    private static void writeAtomically(Path file, Body body) throws IOException {
        Path target = file.toAbsolutePath();
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                body.writeTo(out);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
