package org.adaptivestream.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a user reads when the desktop app cannot open its window (JavaFX itself prints a stack trace). */
class NoWindowMessageTest {

    @Test
    void noDisplay_saysSoAndPointsToTheCommandLine() {
        String text = DesktopApp.whyNoWindow("Unable to open DISPLAY");
        assertThat(text).startsWith("AdaptiveStream cannot open its window: Unable to open DISPLAY.")
                .contains("no graphical display")
                .contains("adaptivestream --help");
    }

    @Test
    void noGtk_namesThePackageToInstall() {
        String text = DesktopApp.whyNoWindow("Unable to load glass GTK library.");
        assertThat(text).startsWith("AdaptiveStream cannot open its window: Unable to load glass GTK library.\n")
                .contains("GTK 3").contains("libgtk-3-0").contains("adaptivestream --help");
    }

    @Test
    void anyOtherToolkitFailure_isStillSaidInWords() {
        assertThat(DesktopApp.whyNoWindow(null)).contains("cannot open its window: JavaFX gave no reason.").contains("JavaFX cannot start here");
    }
}
