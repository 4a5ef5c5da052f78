package dev.athenaeum.gui.tuning;

import dev.athenaeum.chunking.ChunkSettings;
import dev.athenaeum.chunking.TextTokenizer;
import dev.athenaeum.corpus.ScanOptions;
import dev.athenaeum.gui.GuiFixtures;
import dev.athenaeum.progress.Cancellation;
import dev.athenaeum.progress.CancelledException;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cutting the whole user guide with the real tokenizer, as every preview does: what it yields and what it costs. */
class PreviewComputationTest {

    private static final Logger LOG = LoggerFactory.getLogger(PreviewComputationTest.class);

    @Test
    void theWholeGuideIsCutAtEverySizeWithinSeconds() {
        CorpusText guide = CorpusText.read(ScanOptions.builder().root(GuiFixtures.GUIDE).build(), new Cancellation());
        TextTokenizer tokenizer = GuiFixtures.MODELS.get("minilm").tokenizer();
        PreviewComputation.run(guide, tokenizer, ChunkSettings.DEFAULT, null, new Cancellation(), n -> { }); // warm-up
        int previous = Integer.MAX_VALUE;
        for (int size : new int[] {128, 256, 512, 1024}) {
            long t0 = System.nanoTime();
            ChunkPreview p = PreviewComputation.run(guide, tokenizer, ChunkSettings.of(size, size / 8), "faq.md",
                    new Cancellation(), n -> { });
            long millis = (System.nanoTime() - t0) / 1_000_000;
            LOG.info("guide cut at {}/{}: {} in {} ms", size, size / 8, p.summary(), millis);
            assertThat(p.files()).isEqualTo(guide.documents().size());
            assertThat(p.histogram().total()).isEqualTo(p.chunks());
            assertThat(p.file()).isEqualTo("faq.md");
            assertThat(p.fileChunks()).allSatisfy(c -> assertThat(c.tokens()).isLessThanOrEqualTo(size));
            assertThat(p.chunks()).as("smaller budgets, more chunks").isLessThanOrEqualTo(previous);
            previous = p.chunks();
            assertThat(millis).as("a preview is tokenizing only").isLessThan(3000);
        }
    }

    @Test
    void aCancelledPreviewStopsBetweenDocuments() {
        CorpusText guide = CorpusText.read(ScanOptions.builder().root(GuiFixtures.GUIDE).build(), new Cancellation());
        Cancellation cancel = new Cancellation();
        AtomicInteger done = new AtomicInteger();
        assertThatThrownBy(() -> PreviewComputation.run(guide, GuiFixtures.MODELS.get("minilm").tokenizer(),
                ChunkSettings.DEFAULT, null, cancel, n -> {
                    done.set(n);
                    if (n == 3) {
                        cancel.cancel();
                    }
                })).isInstanceOf(CancelledException.class);
        assertThat(done.get()).isEqualTo(3);
    }
}
