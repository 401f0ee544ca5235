package org.adaptivestream.app.player;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.adaptivestream.media.Rung;
import org.adaptivestream.metrics.SessionMetrics;
import org.junit.jupiter.api.Test;

class StatsTextTest {

    @Test
    void of_noMeasurements_showsDashes() {
        String text = StatsText.of(new SessionMetrics(), 1.0, Optional.of(Rung.R720P));
        assertThat(text).contains("720p  1280×720").contains("RTT       –");
    }
}
