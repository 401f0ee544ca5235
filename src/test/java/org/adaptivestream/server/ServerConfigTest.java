package org.adaptivestream.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerConfigTest {

    @Test
    void aLagLimit_mustBePositive() {
        assertThat(ServerConfig.defaults().withMaxLag(Duration.ofSeconds(1)).maxLag()).isEqualTo(Duration.ofSeconds(1));
        assertThatThrownBy(() -> ServerConfig.defaults().withMaxLag(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max lag");
    }
}
