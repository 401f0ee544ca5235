package org.adaptivestream.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The desktop application. */
public final class DesktopApp extends Application {

    public static void launchApp() {
        Application.launch(DesktopApp.class);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("AdaptiveStream");
        stage.setScene(new Scene(new StackPane(new Label("AdaptiveStream")), 960, 600));
        stage.show();
    }
}
