package org.adaptivestream.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.adaptivestream.testkit.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The warm-up's steps really run under the app's TLS policy and FFmpeg build, and its threads end. */
@Timeout(60)
class ClientWarmUpTest {

    @Test
    void warmTls_runsTheClientsHandshakeStepsToTheEnd() {
        assertThat(ClientWarmUp.warmTls()).isTrue();
    }

    @Test
    void loopbackHandshakes_makesRealVerifiedConnectionsToItself_andLeavesNoThreadBehind() throws Exception {
        assertThat(ClientWarmUp.loopbackHandshakes(2)).isBetween(1, 2);
        assertThat(Eventually.within(Duration.ofSeconds(10), () -> Eventually.threads("client-warm-up-peer") == 0))
                .isTrue();
    }

    @Test
    void warmDecoder_opensAnH264Decoder() {
        assertThat(ClientWarmUp.warmDecoder()).isTrue();
    }

    @Test
    void start_runsOnceInTheBackgroundAndItsThreadsEnd() {
        ClientWarmUp.start();
        ClientWarmUp.start();
        assertThat(Eventually.within(Duration.ofSeconds(30), () -> Eventually.threads(ClientWarmUp.TLS_THREAD) == 0
                && Eventually.threads(ClientWarmUp.DECODER_THREAD) == 0
                && Eventually.threads("client-warm-up-peer") == 0)).isTrue();
    }
}
