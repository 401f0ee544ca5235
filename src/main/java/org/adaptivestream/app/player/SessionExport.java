package org.adaptivestream.app.player;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.adaptivestream.metrics.MetricsExport;
import org.adaptivestream.metrics.SessionMetrics;

/**
 * A session's metrics with the header that says what the session was, taken together so a
 * session stays exportable after it ends, until the next one starts.
 */
record SessionExport(SessionMetrics metrics, Map<String, Object> header) {

    /** As JSON (the header, the summary and every series) or CSV (one row per sample). */
    void write(Path file, boolean json) throws IOException {
        if (json) {
            Map<String, Object> root = new LinkedHashMap<>(header);
            root.putAll(MetricsExport.toJsonTree(metrics));
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
        } else {
            MetricsExport.writeCsv(metrics, file);
        }
    }
}
