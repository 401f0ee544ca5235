package org.adaptivestream.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PlacementTest {

    @ParameterizedTest
    @EnumSource(Rung.class)
    void fit_sixteenByNineSource_fillsEveryRung(Rung rung) {
        assertThat(Placement.fit(1920, 1080, 1, 1, rung.width(), rung.height()))
                .isEqualTo(new Placement(0, 0, rung.width(), rung.height()));
    }

    @Test
    void fit_fourByThreeSource_isPillarboxedAndCentred() {
        assertThat(Placement.fit(640, 480, 1, 1, 1920, 1080)).isEqualTo(new Placement(240, 0, 1440, 1080));
    }

    @Test
    void fit_cinemaScopeSource_isLetterboxed() {
        Placement placement = Placement.fit(2400, 1000, 0, 1, 1280, 720);
        assertThat(placement.width()).isEqualTo(1280);
        assertThat(placement.height()).isEqualTo(532);
        assertThat(placement.y()).isEqualTo(94);
    }

    @Test
    void fit_anamorphicSource_usesTheDisplayAspect() {
        // 720x576 with 64:45 pixels displays as 1024x576, i.e. 16:9.
        assertThat(Placement.fit(720, 576, 64, 45, 854, 480)).isEqualTo(new Placement(0, 0, 854, 480));
    }

    @Test
    void fit_portraitSource_keepsEvenSizesAndOffsets() {
        Placement placement = Placement.fit(1080, 1920, 1, 1, 426, 240);
        assertThat(placement.height()).isEqualTo(240);
        assertThat(placement.width() % 2).isZero();
        assertThat(placement.x() % 2).isZero();
        assertThat(placement.x() + placement.width()).isLessThanOrEqualTo(426);
    }
}
