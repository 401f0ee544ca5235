package org.adaptivestream.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.junit.jupiter.api.Test;

class FfmpegLoadsTest {
    @Test
    void nativesLoad() {
        assertThat(avutil.av_version_info().getString()).isNotEmpty();
        assertThat(avcodec.avcodec_find_encoder_by_name("libopenh264")).isNotNull();
    }
}
