package org.adaptivestream.app.compare;

import javafx.stage.Stage;
import org.adaptivestream.app.AppContext;
import org.adaptivestream.app.player.PlayerViewModel;

/** Opens the static-versus-adaptive comparison for the player's server and video. */
public final class CompareLauncher {

    private CompareLauncher() {
    }

    public static void open(Stage owner, AppContext context, PlayerViewModel player, boolean dark) {
        context.notifier().info("The comparison is not available yet.");
    }
}
