package org.adaptivestream.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.adaptivestream.server.ServerConfig;
import org.junit.jupiter.api.Test;

class SimulationConfigTest {

    @Test
    void theSimulatorsLagLimit_isTheServers() {
        assertThat(SimulationConfig.defaults().maxLagSeconds())
                .isEqualTo(ServerConfig.DEFAULT_MAX_LAG.toMillis() / 1000.0);
    }

    @Test
    void aLongerPlayoutDelay_keepsTheLagLimitsMarginBeyondIt() {
        SimulationConfig config = SimulationConfig.defaults();
        assertThat(config.maxLagForTargetDelay()).isEqualTo(SimulationConfig.DEFAULT_MAX_LAG_SECONDS);
        // Video up to a second late is still shown at a 1 s delay: skipping it at 0.5 s would freeze for nothing.
        assertThat(config.withTargetDelaySeconds(1.0).maxLagForTargetDelay()).isCloseTo(1.35, within(1e-9));
        // A shorter delay never makes the server skip on its own hiccups.
        assertThat(config.withTargetDelaySeconds(0).maxLagForTargetDelay()).isEqualTo(SimulationConfig.DEFAULT_MAX_LAG_SECONDS);
    }

    @Test
    void aLagLimitOfNothing_isRefused() {
        assertThatThrownBy(() -> SimulationConfig.defaults().withMaxLagSeconds(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lag limit");
    }
}
