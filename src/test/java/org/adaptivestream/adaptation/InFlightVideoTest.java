package org.adaptivestream.adaptation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class InFlightVideoTest {

    @Test
    void isWhatWasSentSinceTheNewestArrival_lessTheOneWayDelay_andNotAGopAskedToBeDropped() {
        InFlightVideo video = new InFlightVideo();
        assertThat(video.seconds(5, 0.02)).as("nothing arrived yet").isZero();

        video.arrived(4.0);
        video.arrived(3.9); // a late arrival of an older frame moves nothing
        assertThat(video.seconds(4.5, 0.02)).isCloseTo(0.48, within(1e-9));

        video.dropAsked(4.5, 0.02, 0.5);
        assertThat(video.seconds(5.0, 0.02)).as("the dropped GOP ends by 5.52 s at the latest").isZero();
        assertThat(video.seconds(6.0, 0.02)).isCloseTo(0.46, within(1e-9));

        video.reset();
        assertThat(video.seconds(6.0, 0.02)).isZero();
    }
}
