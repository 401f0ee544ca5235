package org.adaptivestream;

import org.adaptivestream.app.DesktopApp;
import org.adaptivestream.cli.Cli;
import org.adaptivestream.client.ClientWarmUp;

/** Entry point: no arguments opens the desktop app, a subcommand runs the command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Workspace.placeNativeCaches();
        if (args.length == 0 || "client".equals(args[0])) {
            // The desktop app and the client command will likely connect: ready TLS and FFmpeg meanwhile.
            ClientWarmUp.start();
        }
        if (args.length == 0) {
            if (!DesktopApp.launchApp()) {
                System.exit(1);
            }
        } else {
            System.exit(Cli.run(args));
        }
    }
}
