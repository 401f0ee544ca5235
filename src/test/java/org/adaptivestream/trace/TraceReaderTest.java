package org.adaptivestream.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class TraceReaderTest {

    private static CapacityTrace read(String text) throws Exception {
        return TraceReader.read("test", new StringReader(text));
    }

    @Test
    void read_timeThroughput_holdsEachRateUntilNextLine() throws Exception {
        CapacityTrace trace = read("10.0 1.5\n11.0 3.0\n12.0 0.5\n");
        assertThat(trace.periodSeconds()).isCloseTo(3.0, within(1e-9));
        assertThat(trace.bitsPerSecondAt(0.5)).isEqualTo(1.5e6);
        assertThat(trace.bitsPerSecondAt(1.5)).isEqualTo(3e6);
        assertThat(trace.bitsPerSecondAt(2.5)).isEqualTo(0.5e6);
    }

    @Test
    void read_deliveryOpportunities_countsPacketsPerBin() throws Exception {
        // 10 packets in the first 100 ms, 5 in the second: 1.2 and 0.6 Mbit/s.
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            text.append(i * 10).append('\n');
        }
        for (int i = 0; i < 5; i++) {
            text.append(100 + i * 20).append('\n');
        }
        CapacityTrace trace = read(text.toString());
        assertThat(trace.bitsPerSecondAt(0.05)).isCloseTo(1.2e6, within(1.0));
        assertThat(trace.bitsPerSecondAt(0.15)).isCloseTo(0.6e6, within(1.0));
        assertThat(trace.periodSeconds()).isCloseTo(0.2, within(1e-9));
    }

    @Test
    void read_skipsBlankLinesAndComments() throws Exception {
        assertThat(read("# header\n\n0 1\n1 2\n").segments()).hasSize(2);
    }

    @Test
    void read_badInput_namesLineAndValue() {
        assertThatThrownBy(() -> read("")).isInstanceOf(TraceFormatException.class).hasMessageContaining("no data");
        assertThatThrownBy(() -> read("0 1\n1 abc\n")).hasMessageContaining("test:2").hasMessageContaining("abc");
        assertThatThrownBy(() -> read("0 1\n0 2\n")).hasMessageContaining("does not come after");
        assertThatThrownBy(() -> read("0 -1\n")).hasMessageContaining("non-negative");
        assertThatThrownBy(() -> read("0 NaN\n")).hasMessageContaining("finite");
        assertThatThrownBy(() -> read("1 2 3\n")).hasMessageContaining("found 3");
        assertThatThrownBy(() -> read("5\n3\n")).hasMessageContaining("comes before");
        assertThatThrownBy(() -> read("0 0\n1 0\n")).hasMessageContaining("never has any capacity");
        assertThatThrownBy(() -> read("x".repeat(500))).hasMessageContaining("longer than");
        assertThatThrownBy(() -> read("99999999999999\n")).hasMessageContaining("outside");
    }

    @Test
    void read_negativeZero_isReadAsZero() throws Exception {
        // Found by TraceFuzzTest: "-0" passed the non-negative check as -0.0.
        CapacityTrace trace = TraceReader.read("t", new java.io.StringReader("0 -0\n1 5\n"));
        assertThat(Double.doubleToRawLongBits(trace.segments().get(0).bitsPerSecond())).isZero();
    }

    @Test
    void read_twoOpportunitiesTenDaysApart_costsMemoryForTwoLinesNotTenDays() throws Exception {
        // Two lines naming the first and the last millisecond of the longest accepted trace used
        // to allocate a counter per 100 ms bin: 8.6 million longs (69 MB) for a 12-byte file.
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        CapacityTrace trace = TraceReader.read("far", new StringReader("0\n864000000\n"));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(trace.segments()).hasSize(3);
        assertThat(trace.periodSeconds()).isCloseTo(864_000.1, within(1e-6));
        assertThat(trace.bitsPerSecondAt(432_000)).isZero();
        assertThat(allocated).as("bytes allocated").isLessThan(4L * 1024 * 1024);
    }

    @Test
    void builtInTraces_allLoadWithPlausibleRates() {
        for (CapacityTrace trace : BuiltInTraces.loadAll()) {
            assertThat(trace.periodSeconds()).as(trace.name()).isGreaterThan(30);
            assertThat(trace.meanBitsPerSecond()).as(trace.name()).isBetween(1e5, 2e7);
        }
        // Mahimahi's Verizon LTE short trace is documented at about 5 Mbit/s over 140 s.
        CapacityTrace verizon = BuiltInTraces.load("mahimahi-verizon-lte.down");
        assertThat(verizon.meanBitsPerSecond()).isBetween(4.5e6, 5.5e6);
        assertThat(verizon.periodSeconds()).isBetween(130.0, 150.0);
    }
}
