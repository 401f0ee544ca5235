package org.adaptivestream.app.compare;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.adaptivestream.app.AppContext;
import org.adaptivestream.app.player.PlayerViewModel;

/** Opens the static-versus-adaptive comparison for the player's server and selected video. */
public final class CompareLauncher {

    private CompareLauncher() {
    }

    public static void open(Stage owner, AppContext context, PlayerViewModel player, boolean dark) {
        var endpoint = player.endpoint();
        var video = player.selectedVideoProperty().get();
        if (endpoint.isEmpty() || video == null) {
            context.notifier().error("Cannot compare yet", "Connect to a server and choose a video first.");
            return;
        }
        CompareViewModel model = new CompareViewModel(context, endpoint.get(), video,
                player.networkProfileProperty().get(), player.policyProperty().get(), player.staticRungProperty().get());
        CompareView view = new CompareView(model, context, dark);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("AdaptiveStream — static against adaptive: " + video.id());
        Scene scene = new Scene((javafx.scene.Parent) view.node(), 1200, 780);
        scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.setOnHidden(e -> model.dispose());
        stage.show();
    }
}
