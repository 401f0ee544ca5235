package org.adaptivestream.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.adaptivestream.testkit.TestVideos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A few seconds of the soak, so the command keeps working; the real runs are in docs/RELIABILITY.md. */
@Timeout(60)
class SoakTest {

    @Test
    void shortSoak_clientsCycleWithoutErrorsAndVitalsArePrinted() throws Exception {
        StringWriter text = new StringWriter();
        Soak.Result result = new Soak(TestVideos.catalog(), 3, Duration.ofSeconds(6), Duration.ofSeconds(2),
                new PrintWriter(text, true)).run();
        assertThat(result.errors()).as(text.toString()).isZero();
        assertThat(result.cycles()).as(text.toString()).isPositive();
        assertThat(result.framesDecoded()).isPositive();
        assertThat(result.start().openFiles()).isPositive();
        assertThat(text.toString()).contains("sessions").contains("threads").contains("fds").contains("soak: done after");
    }
}
