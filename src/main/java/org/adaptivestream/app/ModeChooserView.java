package org.adaptivestream.app;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The first screen: Server or Client, with last time's choice as the default button. */
final class ModeChooserView {

    private final VBox root = new VBox(18);

    ModeChooserView(MainViewModel model) {
        root.setId("mode-chooser");
        root.setAlignment(Pos.CENTER);
        root.setPadding(new Insets(40));
        Label title = new Label("AdaptiveStream");
        title.getStyleClass().add("chooser-title");
        Label question = new Label("How do you want to use this computer?");
        Button server = choice("choose-server", "Server", "Serve the videos in the library to clients over TLS");
        server.setOnAction(e -> model.choose(MainViewModel.Mode.SERVER));
        Button client = choice("choose-client", "Client", "Connect to a server and play, with live charts");
        client.setOnAction(e -> model.choose(MainViewModel.Mode.CLIENT));
        MainViewModel.Mode last = model.rememberedMode();
        server.setDefaultButton(last == MainViewModel.Mode.SERVER);
        client.setDefaultButton(last == MainViewModel.Mode.CLIENT);
        HBox buttons = new HBox(24, server, client);
        buttons.setAlignment(Pos.CENTER);
        Label hint = new Label(last == MainViewModel.Mode.CHOOSER ? ""
                : "Last time: " + (last == MainViewModel.Mode.SERVER ? "Server" : "Client") + " (Enter)");
        root.getChildren().addAll(title, question, buttons, hint);
    }

    private static Button choice(String id, String name, String description) {
        Button button = new Button(name + "\n" + description);
        button.setId(id);
        button.getStyleClass().add("mode-choice");
        button.setWrapText(true);
        button.setPrefSize(260, 120);
        return button;
    }

    Node node() {
        return root;
    }
}
