package dev.athenaeum.cli;

import dev.athenaeum.corpus.SkippedFile;
import dev.athenaeum.index.BuildReport;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryTest {

    @Test
    void reportsCountsSkippedFilesNotesAndRates() {
        BuildReport r = new BuildReport(3, 2, 1, 1, 30, 20, 25, 4L * 1024 * 1024,
                List.of(new SkippedFile("big.md", "too large"), new SkippedFile("bin.md", "binary file, not text")),
                Map.of("old.md", List.of("decoded as windows-1252")), Duration.ofSeconds(2), Duration.ofSeconds(1),
                false, Path.of("gen-000002"), Map.of());

        assertThat(Summary.of(r).lines()).containsExactly(
                "indexed 3 files: 2 new or changed, 1 unchanged (reused), 1 removed",
                "30 chunks, 20 embedded as 25 windows",
                "2 files skipped:",
                "  skipped big.md: too large",
                "  skipped bin.md: binary file, not text",
                "notes:",
                "  old.md: decoded as windows-1252",
                "took 2.0 s (2.0 MB/s, 10.0 chunks/s)");
    }

    @Test
    void listsTwentySkippedFilesAndCountsTheRest() {
        List<SkippedFile> skipped = IntStream.range(0, 23).mapToObj(i -> new SkippedFile("f" + i + ".md", "empty file")).toList();
        BuildReport r = new BuildReport(1, 0, 1, 0, 1, 0, 0, 100, skipped, Map.of(), Duration.ofMillis(300), Duration.ZERO,
                true, Path.of("gen-000001"), Map.of());

        List<String> lines = Summary.of(r).lines().toList();

        assertThat(lines).contains("23 files skipped:", "  skipped f19.md: empty file", "  … and 3 more",
                "index is up to date");
        assertThat(lines).doesNotContain("  skipped f20.md: empty file");
        assertThat(lines.get(lines.size() - 2)).isEqualTo("took 0.3 s (0.000 MB/s, 0.0 chunks/s)");
    }
}
