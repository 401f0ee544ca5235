package org.adaptivestream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import org.junit.jupiter.api.Test;

class FormatTest {

    @Test
    void aFailure_saysItsMessage_orItsKindWhenItHasNone() {
        assertThat(Format.failure(new IOException("No space left on device"))).isEqualTo("No space left on device");
        // A dialog that says "null" tells the user nothing.
        assertThat(Format.failure(new NullPointerException())).isEqualTo("NullPointerException");
        assertThat(Format.failure(new IOException(" "))).isEqualTo("IOException");
        assertThat(Format.failure(new AccessDeniedException("/x/run.csv"))).isEqualTo("/x/run.csv");
    }

    @Test
    void aMeasurementNotYetMade_isADash() {
        assertThat(Format.measured(Double.NaN, "%.1f ms")).isEqualTo("–");
        assertThat(Format.measured(12.345, "%.1f ms")).isEqualTo("12.3 ms");
    }
}
