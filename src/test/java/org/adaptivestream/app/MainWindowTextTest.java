package org.adaptivestream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MainWindowTextTest {

    @Test
    void wrap_longMessage_breaksAtSpacesWithinTheWidth() {
        String message = "The server may have a new certificate. If you are sure the change is expected, remove the line "
                + "for 127.0.0.1:9443 from /home/someone/.config/adaptivestream/known-servers and connect again.";
        String wrapped = MainWindow.wrap(message, 40);
        assertThat(wrapped.replace('\n', ' ')).isEqualTo(message);
        assertThat(Arrays.stream(wrapped.split("\n"))).allMatch(line -> line.length() <= 40
                || !line.contains(" ")).hasSizeGreaterThan(3);
        assertThat(wrapped).contains("/home/someone/.config/adaptivestream/known-servers"); // a long word stays whole
    }

    @Test
    void wrap_keepsExistingLineBreaks() {
        assertThat(MainWindow.wrap("a b\nc d", 3)).isEqualTo("a b\nc d");
        assertThat(MainWindow.wrap("short", 70)).isEqualTo("short");
    }
}
