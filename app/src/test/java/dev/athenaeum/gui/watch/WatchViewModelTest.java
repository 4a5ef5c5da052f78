package dev.athenaeum.gui.watch;

import dev.athenaeum.gui.GuiFixtures;
import dev.athenaeum.gui.workspace.KnowledgeBase;
import dev.athenaeum.gui.workspace.KnowledgeBaseSession;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The banner and the automatic update, driven by real file changes in a temporary source folder. */
class WatchViewModelTest {

    @TempDir
    Path dir;

    private final GuiFixtures.Direct direct = new GuiFixtures.Direct();
    private final List<KnowledgeBase> saved = new ArrayList<>();
    private final List<String> updates = new CopyOnWriteArrayList<>();
    private WatchViewModel vm;

    @AfterEach
    void stop() {
        if (vm != null) {
            vm.stop();
        }
    }

    private WatchViewModel watching(Path folder) {
        KnowledgeBaseSession session = new KnowledgeBaseSession(
                KnowledgeBase.of("notes", List.of(folder), dir.resolve("index")), GuiFixtures.MODELS);
        vm = new WatchViewModel(session, direct.tasks, saved::add, Duration.ofMillis(300));
        vm.setUpdate(() -> updates.add("update"), new SimpleBooleanProperty(false));
        vm.watch();
        return vm;
    }

    @Test
    void changedFilesRaiseTheBannerOnceAndUpdateRunsTheBuild() throws Exception {
        Path notes = Files.createDirectories(dir.resolve("notes"));
        watching(notes);

        Files.writeString(notes.resolve("a.md"), "# A\n");
        Files.writeString(notes.resolve("b.md"), "# B\n");
        waitUntil(() -> vm.bannerVisibleProperty().get());
        Thread.sleep(600);

        assertThat(vm.noticesProperty().get()).isEqualTo(1);
        assertThat(vm.bannerProperty().get()).isEqualTo("2 files changed");
        assertThat(updates).isEmpty();
        vm.update();
        assertThat(updates).hasSize(1);
        assertThat(vm.bannerVisibleProperty().get()).isFalse();
        assertThat(vm.pending()).isEmpty();
    }

    @Test
    void withAutomaticUpdatesAChangeRunsTheUpdateWithoutAsking() throws Exception {
        Path notes = Files.createDirectories(dir.resolve("notes"));
        watching(notes);
        vm.autoUpdateProperty().set(true);
        assertThat(saved).singleElement().satisfies(kb -> assertThat(kb.autoUpdate()).isTrue());

        Files.writeString(notes.resolve("a.md"), "# A\n");
        waitUntil(() -> !updates.isEmpty());

        assertThat(updates).hasSize(1);
        assertThat(vm.bannerVisibleProperty().get()).isFalse();
        assertThat(direct.failures).isEmpty();
    }

    @Test
    void aChangeDuringABuildIsUpdatedAutomaticallyOnceTheBuildEnds() throws Exception {
        Path notes = Files.createDirectories(dir.resolve("notes"));
        watching(notes);
        SimpleBooleanProperty building = new SimpleBooleanProperty(true);
        vm.setUpdate(() -> updates.add("update"), building);
        vm.autoUpdateProperty().set(true);

        Files.writeString(notes.resolve("a.md"), "# A\n");
        waitUntil(() -> vm.bannerVisibleProperty().get());
        assertThat(updates).as("not while a build runs").isEmpty();

        building.set(false);
        assertThat(updates).hasSize(1);
        building.set(true);
        assertThat(vm.bannerVisibleProperty().get()).isFalse();
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(end);
            Thread.sleep(20);
        }
    }
}
