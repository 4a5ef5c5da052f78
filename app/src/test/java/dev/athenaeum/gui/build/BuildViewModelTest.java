package dev.athenaeum.gui.build;

import dev.athenaeum.gui.GuiFixtures;
import dev.athenaeum.gui.task.TaskRunner;
import dev.athenaeum.gui.workspace.KnowledgeBase;
import dev.athenaeum.gui.workspace.KnowledgeBaseSession;
import dev.athenaeum.index.IndexDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The build panel's state through real builds of a small copy of the user guide. */
class BuildViewModelTest {

    @TempDir
    Path dir;

    private final GuiFixtures.Direct direct = new GuiFixtures.Direct();

    @Test
    void aBuildShowsItsProgressThenWhatItDidAndWhatItSkipped() throws IOException {
        BuildViewModel vm = new BuildViewModel(session(), direct.tasks);
        List<String> phases = new ArrayList<>();
        vm.phaseProperty().addListener((obs, old, p) -> phases.add(p));
        List<Boolean> running = new ArrayList<>();
        vm.runningProperty().addListener((obs, old, r) -> running.add(r));
        List<Runnable> built = new ArrayList<>();
        vm.onBuilt(() -> built.add(() -> { }));

        vm.build();

        assertThat(phases).contains("Loading the embedding model…", "Scanning", "Chunking", "Embedding", "Done");
        assertThat(running).containsExactly(true, false);
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.summaryProperty().get()).startsWith("Indexed 4 files into ")
                .contains("4 new or changed, 0 unchanged, 0 removed", "1 file skipped");
        assertThat(vm.skipped()).singleElement().satisfies(s -> {
            assertThat(s.file()).isEqualTo("empty.md");
            assertThat(s.reason()).isEqualTo("empty file");
        });
        assertThat(built).hasSize(1);
        assertThat(new IndexDirectory(dir.resolve("index")).exists()).isTrue();
        assertThat(direct.failures).isEmpty();

        vm.build();
        assertThat(vm.summaryProperty().get()).startsWith("The index is up to date: 4 files, ");
    }

    @Test
    void cancellingLeavesNoIndexAndSaysSo() throws Exception {
        LinkedBlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
        var worker = Executors.newSingleThreadExecutor();
        BuildViewModel vm = new BuildViewModel(session(), new TaskRunner(worker, ui::add, direct.failures::add));

        vm.build();
        vm.cancel();
        assertThat(vm.phaseProperty().get()).isEqualTo("Cancelling…");
        while (vm.runningProperty().get()) {
            Runnable r = ui.poll(60, TimeUnit.SECONDS);
            assertThat(r).as("the build ends").isNotNull();
            r.run();
        }
        worker.shutdown();

        assertThat(vm.phaseProperty().get()).isEqualTo("Cancelled");
        assertThat(vm.summaryProperty().get()).isEqualTo("Build cancelled: the index is as it was before.");
        assertThat(new IndexDirectory(dir.resolve("index")).exists()).isFalse();
        assertThat(direct.failures).isEmpty();
    }

    @Test
    void aFailedBuildIsReportedAndEnds() throws IOException {
        Path guide = GuiFixtures.guideCopy(dir.resolve("guide"), GuiFixtures.FEW);
        Files.writeString(dir.resolve("index"), "a file where the index folder should be");
        BuildViewModel vm = new BuildViewModel(new KnowledgeBaseSession(
                KnowledgeBase.of("guide", List.of(guide), dir.resolve("index")), GuiFixtures.MODELS), direct.tasks);

        vm.build();

        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.phaseProperty().get()).isEqualTo("Failed");
        assertThat(direct.failures).singleElement().satisfies(f -> assertThat(f.title()).startsWith("Building the index"));
    }

    private KnowledgeBaseSession session() throws IOException {
        Path guide = GuiFixtures.guideCopy(dir.resolve("guide"), GuiFixtures.FEW);
        return new KnowledgeBaseSession(KnowledgeBase.of("guide", List.of(guide), dir.resolve("index")), GuiFixtures.MODELS);
    }
}
