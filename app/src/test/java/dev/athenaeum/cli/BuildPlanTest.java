package dev.athenaeum.cli;

import dev.athenaeum.chunking.ChunkSettings;
import dev.athenaeum.corpus.ScanOptions;
import dev.athenaeum.index.IndexManifest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BuildPlanTest {

    private static final Path OUT = Path.of("out");
    private static final IndexManifest RECORDED = new IndexManifest(IndexManifest.MAGIC, IndexManifest.FORMAT_VERSION,
            "2026-01-01T00:00:00Z", "Athenaeum test", new IndexManifest.Embedding("ollama:nomic-embed-text", 768, 480, 1),
            new IndexManifest.Chunking(256, 32),
            new IndexManifest.Sources(List.of("/data/notes"), List.of("*.txt"), List.of(".git", "drafts"), 1024),
            new IndexManifest.Counts(1, 1, 1, 0), List.of(), List.of(), List.of(), Map.of());

    @Test
    void withoutFoldersTheIndexRecordedSettingsAreReused() {
        BuildPlan plan = BuildPlan.of(args(List.of(), null, null, List.of(), List.of(), null, null), OUT, RECORDED);

        assertThat(plan.fromManifest()).isTrue();
        assertThat(plan.model()).isEqualTo("ollama:nomic-embed-text");
        assertThat(plan.request().chunking()).isEqualTo(ChunkSettings.of(256, 32));
        ScanOptions scan = plan.request().scan();
        assertThat(scan.roots()).containsExactly(Path.of("/data/notes"));
        assertThat(scan.include()).containsExactly("*.txt");
        assertThat(scan.exclude()).containsExactly(".git", "drafts");
        assertThat(scan.maxFileBytes()).isEqualTo(1024);
    }

    @Test
    void optionsOverrideWhatWasRecordedAndExclusionsAddUp() {
        BuildPlan plan = BuildPlan.of(args(List.of(), 128, null, List.of("*.md"), List.of("old"), 4096L, "minilm"),
                OUT, RECORDED);

        assertThat(plan.model()).isEqualTo("all-minilm-l6-v2-q");
        assertThat(plan.request().chunking()).isEqualTo(ChunkSettings.of(128, 32));
        assertThat(plan.request().scan().include()).containsExactly("*.md");
        assertThat(plan.request().scan().exclude()).containsExactly(".git", "drafts", "old");
        assertThat(plan.request().scan().maxFileBytes()).isEqualTo(4096);
    }

    @Test
    void namedFoldersStartFromTheDefaults() {
        BuildPlan plan = BuildPlan.of(args(List.of(Path.of("docs")), null, null, List.of(), List.of("drafts"), null, null),
                OUT, null);

        assertThat(plan.fromManifest()).isFalse();
        assertThat(plan.model()).isEqualTo("all-minilm-l6-v2-q");
        assertThat(plan.request().chunking()).isEqualTo(ChunkSettings.DEFAULT);
        assertThat(plan.request().scan().include()).isEqualTo(ScanOptions.DEFAULT_INCLUDE);
        assertThat(plan.request().scan().exclude()).startsWith(ScanOptions.DEFAULT_EXCLUDE.toArray(String[]::new))
                .endsWith("drafts");
        assertThat(plan.request().scan().maxFileBytes()).isEqualTo(ScanOptions.DEFAULT_MAX_FILE_BYTES);
        assertThat(plan.request().indexDir()).isEqualTo(OUT);
    }

    @Test
    void namedFoldersKeepTheRecordedChunkingAndModelOfAnExistingIndex() {
        BuildPlan plan = BuildPlan.of(args(List.of(Path.of("docs")), null, null, List.of(), List.of(), null, null),
                OUT, RECORDED);

        assertThat(plan.fromManifest()).isFalse();
        assertThat(plan.request().scan().roots()).containsExactly(Path.of("docs"));
        assertThat(plan.request().chunking()).isEqualTo(ChunkSettings.of(RECORDED.chunking().chunkSize(),
                RECORDED.chunking().chunkOverlap()));
        assertThat(plan.model()).isEqualTo(RECORDED.embedding().model());
        assertThat(plan.request().scan().include()).isEqualTo(ScanOptions.DEFAULT_INCLUDE);
    }

    @Test
    void noFoldersAndNothingRecordedIsRefused() {
        assertThatThrownBy(() -> BuildPlan.of(args(List.of(), null, null, List.of(), List.of(), null, null), OUT, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no folders to index");
    }

    private static BuildPlan.Args args(List<Path> roots, Integer size, Integer overlap, List<String> include,
                                       List<String> exclude, Long maxBytes, String model) {
        return new BuildPlan.Args(roots, size, overlap, include, exclude, maxBytes, model, false);
    }
}
