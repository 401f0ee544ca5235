package org.adaptivestream.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VideoIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "sample", "my-video_2.v1", "0", "x23456789012345678901234567890123456789012345678901234567890123"})
    void parse_validId_isAccepted(String text) throws Exception {
        assertThat(VideoId.parse(text).value()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../x", "..", "a/b", "a\\b", ".hidden", "-dash", "Upper", "a..b", "a b", "é",
        "x2345678901234567890123456789012345678901234567890123456789012345", "/etc/passwd", "a\u0000b"})
    void parse_invalidId_isRefusedWithTheIdInTheMessage(String text) {
        assertThatThrownBy(() -> VideoId.parse(text))
                .isInstanceOf(InvalidVideoIdException.class)
                .hasMessageContaining("\"" + text + "\"");
    }

    @ParameterizedTest
    @CsvSource({
        "My Holiday (2).MP4, my-holiday-2",
        "clip.mp4, clip",
        "Café del Mar.mkv, cafe-del-mar",
        "..hidden..mp4, hidden",
        "....mp4, video",
        "a.b.c.mov, a.b.c",
    })
    void fromFileName_anyName_givesAValidId(String fileName, String expected) {
        VideoId id = VideoId.fromFileName(Path.of("/some/folder", fileName));
        assertThat(id.value()).isEqualTo(expected);
        assertThat(VideoId.isValid(id.value())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 65, 200})
    void fromFileName_longName_isCutToTheMaximum(int length) {
        VideoId id = VideoId.fromFileName(Path.of("a".repeat(length) + ".mp4"));
        assertThat(id.value()).hasSizeLessThanOrEqualTo(VideoId.MAX_LENGTH);
    }
}
