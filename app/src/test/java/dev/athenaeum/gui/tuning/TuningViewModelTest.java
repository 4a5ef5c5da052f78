package dev.athenaeum.gui.tuning;

import dev.athenaeum.chunking.ChunkSettings;
import dev.athenaeum.gui.GuiFixtures;
import dev.athenaeum.gui.task.TaskRunner;
import dev.athenaeum.gui.workspace.KnowledgeBase;
import dev.athenaeum.gui.workspace.KnowledgeBaseSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The tuning controls cutting a real copy of the user guide with the real model's tokenizer, off the UI thread. */
class TuningViewModelTest {

    @TempDir
    Path dir;

    private final GuiFixtures.Direct direct = new GuiFixtures.Direct();
    private final List<KnowledgeBase> saved = new ArrayList<>();

    private KnowledgeBaseSession session() throws IOException {
        Path guide = GuiFixtures.guideCopy(dir.resolve("guide"), GuiFixtures.FEW);
        return new KnowledgeBaseSession(KnowledgeBase.of("guide", List.of(guide), dir.resolve("index")), GuiFixtures.MODELS);
    }

    @Test
    void movingTheSizeChangesTheChunksOfTheFileAndTheHistogram() throws IOException {
        TuningViewModel vm = new TuningViewModel(session(), direct.tasks, saved::add, Duration.ZERO);
        vm.start();
        ChunkPreview large = vm.previewProperty().get();
        assertThat(large.settings()).isEqualTo(ChunkSettings.DEFAULT);
        assertThat(vm.files()).containsExactlyInAnyOrder("getting-started.md", "guides/keeping-up-to-date.md",
                "concepts/chunking.md", "faq.md");

        vm.selectedFileProperty().set("concepts/chunking.md");
        List<ChunkRow> atDefault = List.copyOf(vm.chunks());
        vm.chunkOverlapProperty().set(8);
        vm.chunkSizeProperty().set(64);

        ChunkPreview small = vm.previewProperty().get();
        assertThat(small.settings().chunkSize()).isEqualTo(64);
        assertThat(small.file()).isEqualTo("concepts/chunking.md");
        assertThat(vm.chunks()).hasSizeGreaterThan(atDefault.size());
        assertThat(vm.chunks()).allSatisfy(c -> assertThat(c.tokens()).isLessThanOrEqualTo(64));
        assertThat(vm.chunks()).extracting(ChunkRow::breadcrumb).contains("Chunks and chunking > Chunk size and overlap");
        assertThat(vm.chunks().get(0).startLine()).isGreaterThanOrEqualTo(1);
        for (int i = 1; i < vm.chunks().size(); i++) {
            assertThat(vm.chunks().get(i).startLine()).isGreaterThanOrEqualTo(vm.chunks().get(i - 1).startLine());
        }
        assertThat(small.chunks()).isGreaterThan(large.chunks());
        assertThat(vm.histogramProperty().get().total()).isEqualTo(small.chunks());
        assertThat(vm.histogramProperty().get().bins().get(9).to()).isEqualTo(64);
        assertThat(vm.histogramProperty().get().bins()).isNotEqualTo(large.histogram().bins());
        assertThat(vm.summaryProperty().get()).startsWith(small.chunks() + " chunks from 4 files, median ");
        assertThat(direct.failures).isEmpty();
    }

    @Test
    void settingsCoreRefusesShowTheirMessageInsteadOfAPreview() throws IOException {
        TuningViewModel vm = new TuningViewModel(session(), direct.tasks, saved::add, Duration.ZERO);
        vm.start();
        ChunkPreview before = vm.previewProperty().get();

        vm.chunkOverlapProperty().set(512);
        assertThat(vm.errorProperty().get()).isEqualTo("chunk overlap (512) must be smaller than the chunk size (512)");
        assertThat(vm.settings()).isNull();
        assertThat(vm.previewProperty().get()).isSameAs(before);

        vm.enterChunkOverlap("32");
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.previewProperty().get().settings()).isEqualTo(ChunkSettings.of(512, 32));

        vm.enterChunkSize("12");
        assertThat(vm.errorProperty().get()).isEqualTo("chunk size 12 is too small: use at least 32 tokens");
        vm.enterChunkSize("lots");
        assertThat(vm.errorProperty().get()).isEqualTo("chunk size must be a whole number of tokens, not 'lots'");
        vm.apply();
        assertThat(saved).as("nothing is stored while the settings are refused").isEmpty();
        assertThat(direct.failures).isEmpty();
    }

    @Test
    void applyStoresTheSettingsAndOffersARebuild() throws IOException {
        KnowledgeBaseSession session = session();
        TuningViewModel vm = new TuningViewModel(session, direct.tasks, saved::add, Duration.ZERO);
        List<String> rebuilds = new ArrayList<>();
        vm.setRebuild(() -> rebuilds.add("rebuild"));
        vm.chunkSizeProperty().set(256);
        vm.chunkOverlapProperty().set(32);

        vm.apply();

        assertThat(session.knowledgeBase().chunking()).isEqualTo(ChunkSettings.of(256, 32));
        assertThat(saved).singleElement().satisfies(kb -> assertThat(kb.chunking()).isEqualTo(ChunkSettings.of(256, 32)));
        assertThat(vm.rebuildOfferedProperty().get()).isTrue();
        vm.rebuild();
        assertThat(rebuilds).hasSize(1);
        assertThat(vm.rebuildOfferedProperty().get()).isFalse();
    }

    @Test
    void aResultThatArrivesAfterANewerChangeIsDropped() throws Exception {
        LinkedBlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
        ExecutorService worker = Executors.newSingleThreadExecutor();
        TuningViewModel vm = new TuningViewModel(session(), new TaskRunner(worker, ui::add, direct.failures::add),
                saved::add, Duration.ZERO);
        List<Integer> shown = new ArrayList<>();
        vm.previewProperty().addListener((obs, old, p) -> shown.add(p.settings().chunkSize()));
        vm.start();
        drain(ui, () -> vm.previewProperty().get() == null || vm.computingProperty().get());

        vm.chunkSizeProperty().set(100);
        ui.take().run(); // the debounced computation starts on the worker
        worker.submit(() -> { }).get(60, TimeUnit.SECONDS); // … and has finished: its result waits for the UI thread
        vm.chunkSizeProperty().set(200);
        drain(ui, () -> vm.computingProperty().get());
        worker.shutdown();

        assertThat(shown).containsExactly(512, 200);
        assertThat(vm.previewProperty().get().settings().chunkSize()).isEqualTo(200);
        assertThat(direct.failures).isEmpty();
    }

    private static void drain(LinkedBlockingQueue<Runnable> ui, java.util.function.BooleanSupplier more) throws InterruptedException {
        do {
            Runnable r = ui.poll(60, TimeUnit.SECONDS);
            assertThat(r).as("work for the UI thread").isNotNull();
            r.run();
        } while (more.getAsBoolean() || !ui.isEmpty());
    }
}
