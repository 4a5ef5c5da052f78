package dev.athenaeum.gui;

import dev.athenaeum.app.Home;
import dev.athenaeum.gui.workspace.RecentEntry;
import dev.athenaeum.gui.workspace.StartViewModel;
import dev.athenaeum.gui.workspace.WorkbenchStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class WorkbenchViewModelTest {

    @TempDir
    Path dir;

    private final GuiFixtures.Direct direct = new GuiFixtures.Direct();

    @Test
    void theFirstLaunchOpensAndBuildsTheSampleLaterOnesShowTheStartScreen() throws IOException {
        Home home = new Home(GuiFixtures.home(dir.resolve("home")));
        WorkbenchStore store = new WorkbenchStore(dir.resolve("store"));

        WorkbenchViewModel first = new WorkbenchViewModel(store, home, GuiFixtures.MODELS, direct.tasks);
        first.launch(null);

        KnowledgeBaseViewModel sample = first.currentProperty().get();
        assertThat(sample.name()).isEqualTo(StartViewModel.SAMPLE_NAME);
        assertThat(sample.build().lastReportProperty().get().files()).isEqualTo(GuiFixtures.FEW.size());
        assertThat(Files.isDirectory(home.sampleIndex())).isTrue();
        first.closeKnowledgeBase();
        assertThat(first.currentProperty().get()).isNull();

        WorkbenchViewModel second = new WorkbenchViewModel(store, home, GuiFixtures.MODELS, direct.tasks);
        second.launch(null);
        assertThat(second.currentProperty().get()).isNull();
        assertThat(second.start().recent()).extracting(RecentEntry::name).containsExactly(StartViewModel.SAMPLE_NAME);

        second.start().open(second.start().recent().get(0));
        KnowledgeBaseViewModel reopened = second.currentProperty().get();
        assertThat(reopened.name()).isEqualTo(StartViewModel.SAMPLE_NAME);
        assertThat(reopened.build().lastReportProperty().get()).as("an existing index is not rebuilt").isNull();
        assertThat(direct.failures).isEmpty();
    }

    @Test
    void aFolderGivenAtLaunchBecomesANewKnowledgeBase() throws IOException {
        Path notes = GuiFixtures.guideCopy(dir.resolve("notes"), java.util.List.of("faq.md"));
        WorkbenchStore store = new WorkbenchStore(dir.resolve("store"));
        WorkbenchViewModel vm = new WorkbenchViewModel(store, new Home(dir), GuiFixtures.MODELS, direct.tasks);

        vm.launch(notes);

        KnowledgeBaseViewModel kb = vm.currentProperty().get();
        assertThat(kb.name()).isEqualTo("notes");
        assertThat(kb.sources().folders()).containsExactly(notes);
        assertThat(kb.session().knowledgeBase().indexDir()).isEqualTo(store.indexFor("notes"));
        assertThat(Files.exists(store.fileFor("notes"))).isTrue();
        assertThat(kb.build().lastReportProperty().get()).as("built only when asked").isNull();
    }

    @Test
    void theThemeChoiceIsSaved() throws IOException {
        WorkbenchStore store = new WorkbenchStore(dir.resolve("store"));
        store.saveSettings(new WorkbenchStore.Settings(java.util.List.of(), false, true));
        WorkbenchViewModel vm = new WorkbenchViewModel(store, new Home(dir), GuiFixtures.MODELS, direct.tasks);
        vm.launch(null);

        vm.darkThemeProperty().set(true);

        assertThat(store.settings().darkTheme()).isTrue();
    }

    @Test
    void aThemeFollowingTheSystemChangesWithItAndTheDarkSwitchChoosesAThemeOfItsOwn() throws IOException {
        WorkbenchStore store = new WorkbenchStore(dir.resolve("store"));
        store.saveSettings(new WorkbenchStore.Settings(java.util.List.of(), false, true));
        javafx.beans.property.SimpleBooleanProperty systemDark = new javafx.beans.property.SimpleBooleanProperty(false);
        WorkbenchViewModel vm = new WorkbenchViewModel(store, new Home(dir), GuiFixtures.MODELS, direct.tasks, systemDark);
        vm.launch(null);
        assertThat(vm.themeProperty().get()).isEqualTo(dev.athenaeum.gui.theme.ThemeChoice.LIGHT);

        vm.themeProperty().set(dev.athenaeum.gui.theme.ThemeChoice.SYSTEM);
        assertThat(vm.darkThemeProperty().get()).isFalse();
        systemDark.set(true);
        assertThat(vm.darkThemeProperty().get()).isTrue();
        assertThat(vm.themeProperty().get()).isEqualTo(dev.athenaeum.gui.theme.ThemeChoice.SYSTEM);
        assertThat(store.settings().themeChoice()).isEqualTo(dev.athenaeum.gui.theme.ThemeChoice.SYSTEM);

        vm.darkThemeProperty().set(false);
        assertThat(vm.themeProperty().get()).isEqualTo(dev.athenaeum.gui.theme.ThemeChoice.LIGHT);
        systemDark.set(false);
        systemDark.set(true);
        assertThat(vm.darkThemeProperty().get()).as("a chosen theme no longer follows the system").isFalse();
        assertThat(store.settings().themeChoice()).isEqualTo(dev.athenaeum.gui.theme.ThemeChoice.LIGHT);
        assertThat(direct.failures).isEmpty();
    }
}
