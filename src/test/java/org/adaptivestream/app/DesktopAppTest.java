package org.adaptivestream.app;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class DesktopAppTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new DesktopApp().start(stage);
    }

    @Test
    void start_showsWindow(FxRobot robot) {
        assertThat(stage.isShowing()).isTrue();
        assertThat(stage.getTitle()).isEqualTo("AdaptiveStream");
    }
}
