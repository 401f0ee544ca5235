package org.adaptivestream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's own state, without the toolkit: the mode and theme persist, full-screen video does not. */
class MainViewModelTest {

    @TempDir
    Path dir;

    @Test
    void choose_persistsTheModeForTheNextStart() {
        SettingsStore store = new SettingsStore(dir, Settings.defaults(), Runnable::run);
        MainViewModel model = new MainViewModel(store);
        assertThat(model.rememberedMode()).isEqualTo(MainViewModel.Mode.CHOOSER);

        model.choose(MainViewModel.Mode.CLIENT);
        assertThat(model.modeProperty().get()).isEqualTo(MainViewModel.Mode.CLIENT);

        MainViewModel nextStart = new MainViewModel(SettingsStore.load(dir, Runnable::run));
        assertThat(nextStart.modeProperty().get()).as("the chooser still opens").isEqualTo(MainViewModel.Mode.CHOOSER);
        assertThat(nextStart.rememberedMode()).isEqualTo(MainViewModel.Mode.CLIENT);
    }

    @Test
    void darkTheme_persists() {
        MainViewModel model = new MainViewModel(new SettingsStore(dir, Settings.defaults(), Runnable::run));
        model.darkThemeProperty().set(true);
        assertThat(new MainViewModel(SettingsStore.load(dir, Runnable::run)).darkThemeProperty().get()).isTrue();
    }

    @Test
    void leavingTheClient_endsFullScreenVideo() {
        MainViewModel model = new MainViewModel(new SettingsStore(dir, Settings.defaults(), Runnable::run));
        model.choose(MainViewModel.Mode.CLIENT);
        model.videoOnlyProperty().set(true);
        model.choose(MainViewModel.Mode.SERVER);
        assertThat(model.videoOnlyProperty().get()).isFalse();
    }
}
