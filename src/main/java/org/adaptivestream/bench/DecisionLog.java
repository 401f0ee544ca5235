package org.adaptivestream.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One real session as a CSV file: when play was asked, every decision with what the policy saw,
 * and every stretch the picture was frozen, in time order on the client's session clock. Read
 * together, they show which decision came before which stall, how long a switch took to
 * arrive (the {@code arriving} column changes) and which decisions called off a switch still on
 * its way ({@code decided} is {@code arriving} while {@code requested} is not). Columns:
 * {@code time_s, event (play, decision, frozen), until_s (frozen only), arriving, requested,
 * decided, buffer_s, stalled, reason}.
 */
final class DecisionLog {

    static final String HEADER = "time_s,event,until_s,arriving,requested,decided,buffer_s,stalled,reason";

    private DecisionLog() {
    }

    static void write(Path file, double playSeconds, List<RecordingPolicy.Entry> decisions,
                      List<RealSession.Frozen> frozen) throws IOException {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(playSeconds, "play,,,,,,,"));
        for (RecordingPolicy.Entry d : decisions) {
            rows.add(new Row(d.timeSeconds(), String.format(Locale.ROOT, "decision,,%s,%s,%s,%.3f,%b,%s",
                    d.arriving().label(), d.requested().label(), d.decision().rung().label(), d.bufferSeconds(), d.stalled(),
                    quoted(d.decision().reason()))));
        }
        for (RealSession.Frozen f : frozen) {
            rows.add(new Row(f.fromSeconds(), String.format(Locale.ROOT, "frozen,%.3f,,,,,,", f.toSeconds())));
        }
        rows.sort(Comparator.comparingDouble(Row::timeSeconds));
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write(HEADER);
            out.newLine();
            for (Row row : rows) {
                out.write(String.format(Locale.ROOT, "%.3f,%s", row.timeSeconds(), row.rest()));
                out.newLine();
            }
        }
    }

    /** A file name for one session: policy, trace and run, with anything unusual in them replaced. */
    static String fileName(String policy, String trace, int run) {
        return (policy + "_" + trace + "_run" + run).replaceAll("[^A-Za-z0-9._-]", "_") + ".csv";
    }

    /** RFC 4180: a reason holds commas, so it is always quoted, its quotes doubled. */
    private static String quoted(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private record Row(double timeSeconds, String rest) {
    }
}
