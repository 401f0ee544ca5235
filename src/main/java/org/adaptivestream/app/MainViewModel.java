package org.adaptivestream.app;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The window's own state: which mode is shown, the theme, and the status line. The mode
 * chooser opens every start with the previous choice as its default; both choices persist.
 */
public final class MainViewModel {

    public enum Mode {
        CHOOSER, SERVER, CLIENT;

        String settingValue() {
            return this == CHOOSER ? "" : name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final SettingsStore settings;
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.CHOOSER);
    private final BooleanProperty darkTheme = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("Ready");
    private final BooleanProperty videoOnly = new SimpleBooleanProperty();

    public MainViewModel(SettingsStore settings) {
        this.settings = settings;
        darkTheme.set(settings.get().darkTheme());
        darkTheme.addListener((o, was, now) -> settings.update(s -> s.withDarkTheme(now)));
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    /** The mode chosen last time, which the chooser offers as its default. */
    public Mode rememberedMode() {
        return switch (settings.get().mode()) {
            case "server" -> Mode.SERVER;
            case "client" -> Mode.CLIENT;
            default -> Mode.CHOOSER;
        };
    }

    public void choose(Mode chosen) {
        mode.set(chosen);
        if (chosen != Mode.CHOOSER) {
            settings.update(s -> s.withMode(chosen.settingValue()));
        }
        if (chosen != Mode.CLIENT) {
            videoOnly.set(false);
        }
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** F: the player's video alone, full screen. */
    public BooleanProperty videoOnlyProperty() {
        return videoOnly;
    }
}
