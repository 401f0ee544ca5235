package org.adaptivestream.app.player;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.adaptivestream.security.CertificateFingerprint;
import org.adaptivestream.security.FirstContactDecision;
import org.adaptivestream.security.FirstContactPrompt;

/**
 * Asks the user whether to trust a server seen for the first time, showing its certificate's
 * fingerprint. Called on the connecting (background) thread, which waits for the answer while
 * the dialog runs on the FX thread.
 */
public final class TrustDialog implements FirstContactPrompt {

    static final ButtonType ONCE = new ButtonType("Trust once", ButtonBar.ButtonData.OTHER);
    static final ButtonType ALWAYS = new ButtonType("Trust and remember", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType CANCEL = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);

    private final Executor fx;
    private final Supplier<Window> owner;

    public TrustDialog(Executor fx, Supplier<Window> owner) {
        this.fx = fx;
        this.owner = owner;
    }

    @Override
    public FirstContactDecision decide(String host, int port, CertificateFingerprint fingerprint) {
        if (Platform.isFxApplicationThread()) {
            return ask(host, port, fingerprint);
        }
        CompletableFuture<FirstContactDecision> answer = new CompletableFuture<>();
        fx.execute(() -> {
            try {
                answer.complete(ask(host, port, fingerprint));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FirstContactDecision.REFUSE;
        } catch (ExecutionException e) {
            return FirstContactDecision.REFUSE;
        }
    }

    private FirstContactDecision ask(String host, int port, CertificateFingerprint fingerprint) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", ONCE, ALWAYS, CANCEL);
        alert.initOwner(owner.get());
        alert.setTitle("New server");
        alert.setHeaderText("First connection to " + host + ":" + port);
        TextField print = new TextField(fingerprint.colonHex());
        print.setId("trust-fingerprint");
        print.setEditable(false);
        print.setPrefColumnCount(48);
        Label advice = new Label("Compare this SHA-256 fingerprint with the one the server shows (its dashboard or "
                + "its log). Trust it only if they match.");
        advice.setWrapText(true);
        alert.getDialogPane().setContent(new VBox(8, advice, print));
        ButtonType chosen = alert.showAndWait().orElse(CANCEL);
        if (chosen == ALWAYS) {
            return FirstContactDecision.ACCEPT_ALWAYS;
        }
        return chosen == ONCE ? FirstContactDecision.ACCEPT_ONCE : FirstContactDecision.REFUSE;
    }
}
