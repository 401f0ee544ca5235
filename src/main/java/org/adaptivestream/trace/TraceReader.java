package org.adaptivestream.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads recorded network traces in the two formats of the shared trace collection, telling
 * them apart by their first data line:
 *
 * <ul>
 *   <li><b>time throughput</b> (HSDPA and FCC traces): {@code seconds Mbit/s} per line; each
 *       rate holds until the next line's time, the last one for the median interval;</li>
 *   <li><b>delivery opportunity</b> (Mahimahi): one integer millisecond per line at which one
 *       1500-byte packet may leave; counted into {@value #OPPORTUNITY_BIN_MILLIS} ms bins.</li>
 * </ul>
 *
 * <p>Files come from users, so every line is checked and the reader refuses absurd sizes
 * before holding them in memory.
 */
public final class TraceReader {

    /** Mahimahi's fixed packet size. */
    static final int OPPORTUNITY_PACKET_BYTES = 1500;
    /** Bin width for delivery opportunities: fine enough for GOP-scale adaptation, coarse enough to keep traces small. */
    static final int OPPORTUNITY_BIN_MILLIS = 100;
    static final int MAX_LINES = 20_000_000;
    static final int MAX_LINE_CHARS = 200;
    /** Ten days: longer is a corrupt file, not a trace. */
    static final double MAX_TRACE_SECONDS = 864_000;

    private TraceReader() {
    }

    /** Reads a trace file; its name becomes the trace's name. */
    public static CapacityTrace read(Path file) throws IOException, TraceFormatException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.getFileName().toString(), in);
        }
    }

    /** Reads a trace from text. */
    public static CapacityTrace read(String name, Reader text) throws IOException, TraceFormatException {
        BufferedReader in = text instanceof BufferedReader b ? b : new BufferedReader(text);
        List<String[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        String line;
        int lineNumber = 0;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (lineNumber > MAX_LINES) {
                throw new TraceFormatException(name + ": more than " + MAX_LINES + " lines");
            }
            if (line.length() > MAX_LINE_CHARS) {
                throw new TraceFormatException(name + ":" + lineNumber + ": line longer than " + MAX_LINE_CHARS + " characters");
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            rows.add(trimmed.split("\\s+"));
            lineNumbers.add(lineNumber);
        }
        if (rows.isEmpty()) {
            throw new TraceFormatException(name + ": no data lines");
        }
        int columns = rows.get(0).length;
        if (columns == 1) {
            return readOpportunities(name, rows, lineNumbers);
        }
        if (columns == 2) {
            return readTimeThroughput(name, rows, lineNumbers);
        }
        throw new TraceFormatException(name + ":" + lineNumbers.get(0) + ": expected 1 column (Mahimahi) or 2 (seconds Mbit/s), found " + columns);
    }

    private static CapacityTrace readTimeThroughput(String name, List<String[]> rows, List<Integer> lineNumbers)
            throws TraceFormatException {
        double[] times = new double[rows.size()];
        double[] mbps = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            String where = name + ":" + lineNumbers.get(i);
            if (row.length != 2) {
                throw new TraceFormatException(where + ": expected 'seconds Mbit/s', found " + row.length + " columns");
            }
            times[i] = number(row[0], where, "time");
            mbps[i] = number(row[1], where, "throughput");
            if (i > 0 && times[i] <= times[i - 1]) {
                throw new TraceFormatException(where + ": time " + row[0] + " s does not come after " + times[i - 1] + " s");
            }
            if (times[i] - times[0] > MAX_TRACE_SECONDS) {
                throw new TraceFormatException(where + ": time " + row[0] + " s is beyond the longest trace accepted");
            }
        }
        double lastInterval = rows.size() > 1 ? medianInterval(times) : 1.0;
        List<CapacityTrace.Segment> segments = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            segments.add(new CapacityTrace.Segment(times[i] - times[0], mbps[i] * 1e6));
        }
        try {
            return CapacityTrace.of(name, segments, times[times.length - 1] - times[0] + lastInterval);
        } catch (IllegalArgumentException e) {
            throw new TraceFormatException(e.getMessage());
        }
    }

    private static CapacityTrace readOpportunities(String name, List<String[]> rows, List<Integer> lineNumbers)
            throws TraceFormatException {
        // Timestamps come in order, so bins are counted one at a time and only rate changes are
        // kept: memory follows the file's size, not the time its last line names.
        double binSeconds = OPPORTUNITY_BIN_MILLIS / 1000.0;
        List<CapacityTrace.Segment> segments = new ArrayList<>();
        double[] lastRate = {-1};
        long previous = -1;
        int bin = 0;
        long count = 0;
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            String where = name + ":" + lineNumbers.get(i);
            if (row.length != 1) {
                throw new TraceFormatException(where + ": expected one millisecond value, found " + row.length + " columns");
            }
            long millis;
            try {
                millis = Long.parseLong(row[0]);
            } catch (NumberFormatException e) {
                throw new TraceFormatException(where + ": '" + row[0] + "' is not a whole number of milliseconds");
            }
            if (millis < 0 || millis > MAX_TRACE_SECONDS * 1000) {
                throw new TraceFormatException(where + ": " + millis + " ms is outside 0.." + (long) (MAX_TRACE_SECONDS * 1000));
            }
            if (millis < previous) {
                throw new TraceFormatException(where + ": " + millis + " ms comes before the previous " + previous + " ms");
            }
            previous = millis;
            int rowBin = (int) (millis / OPPORTUNITY_BIN_MILLIS);
            if (rowBin > bin) {
                addBin(segments, lastRate, bin, count, binSeconds);
                if (rowBin > bin + 1) {
                    addBin(segments, lastRate, bin + 1, 0, binSeconds); // the bins in between are empty
                }
                bin = rowBin;
                count = 0;
            }
            count++;
        }
        addBin(segments, lastRate, bin, count, binSeconds);
        // Mahimahi repeats the trace after its last timestamp.
        int bins = bin + 1;
        try {
            return CapacityTrace.of(name, segments, bins * binSeconds);
        } catch (IllegalArgumentException e) {
            throw new TraceFormatException(e.getMessage());
        }
    }

    private static void addBin(List<CapacityTrace.Segment> segments, double[] lastRate, int bin, long count,
                               double binSeconds) {
        double rate = count * OPPORTUNITY_PACKET_BYTES * 8.0 / binSeconds;
        if (rate != lastRate[0]) {
            segments.add(new CapacityTrace.Segment(bin * binSeconds, rate));
            lastRate[0] = rate;
        }
    }

    private static double number(String text, String where, String what) throws TraceFormatException {
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new TraceFormatException(where + ": " + what + " '" + text + "' is not a number");
        }
        if (!Double.isFinite(value) || value < 0) {
            throw new TraceFormatException(where + ": " + what + " " + text + " must be a finite, non-negative number");
        }
        // "-0" passes the check above as -0.0, which would then turn a rate's reciprocal into -Infinity.
        return value == 0 ? 0.0 : value;
    }

    private static double medianInterval(double[] times) {
        double[] gaps = new double[times.length - 1];
        for (int i = 1; i < times.length; i++) {
            gaps[i - 1] = times[i] - times[i - 1];
        }
        java.util.Arrays.sort(gaps);
        return gaps[gaps.length / 2];
    }
}
