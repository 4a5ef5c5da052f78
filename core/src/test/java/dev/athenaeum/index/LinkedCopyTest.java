package dev.athenaeum.index;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import static org.assertj.core.api.Assertions.assertThat;

/** An index's live generation linked into another folder opens as the same index, without copying its files. */
class LinkedCopyTest {

    @TempDir
    Path tmp;

    @Test
    void theLinkedIndexOpensWithTheSameContentAndSharesTheFiles() throws IOException {
        Path corpus = IndexTestSupport.copyNpmDocs(tmp.resolve("docs"), "commands/npm-ping.md", "commands/npm-root.md");
        Path real = tmp.resolve("real");
        IndexTestSupport.build(corpus, real);
        Path copy = tmp.resolve("copy");

        assertThat(new IndexDirectory(real).linkLiveGenerationInto(copy)).isTrue();

        try (KnowledgeIndex a = KnowledgeIndex.open(real); KnowledgeIndex b = KnowledgeIndex.open(copy)) {
            assertThat(b.manifest().counts()).isEqualTo(a.manifest().counts());
            assertThat(b.generation().getFileName()).isEqualTo(a.generation().getFileName());
            Object original = Files.readAttributes(a.generation().resolve("manifest.json"), BasicFileAttributes.class).fileKey();
            Object linked = Files.readAttributes(b.generation().resolve("manifest.json"), BasicFileAttributes.class).fileKey();
            assertThat(linked).as("hard link, not a copy").isEqualTo(original);
        }
        FileTrees.delete(real);
        assertThat(Files.exists(real)).isFalse();
        try (KnowledgeIndex b = KnowledgeIndex.open(copy)) {
            assertThat(b.manifest().counts().chunks()).isPositive();
        }
    }

    @Test
    void withoutALiveGenerationNothingIsWritten() throws IOException {
        assertThat(new IndexDirectory(tmp.resolve("none")).linkLiveGenerationInto(tmp.resolve("copy"))).isFalse();
        assertThat(Files.exists(tmp.resolve("copy"))).isFalse();
    }
}
