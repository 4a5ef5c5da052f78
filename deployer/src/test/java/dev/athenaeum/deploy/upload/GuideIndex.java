package dev.athenaeum.deploy.upload;

import dev.athenaeum.index.IndexManifest;
import dev.athenaeum.index.IndexTestSupport;
import dev.athenaeum.index.KnowledgeIndex;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A real index of the bundled user guide (samples/guide), in a folder of the test's own, and edits to it. */
final class GuideIndex {

    static final Path GUIDE = Path.of("../samples/guide").toAbsolutePath().normalize();

    final Path corpus;
    final Path dir;

    private GuideIndex(Path corpus, Path dir) {
        this.corpus = corpus;
        this.dir = dir;
    }

    static GuideIndex build(Path tmp) throws IOException {
        Path corpus = tmp.resolve("guide");
        IndexTestSupport.copyTree(GUIDE, corpus);
        GuideIndex g = new GuideIndex(corpus, tmp.resolve("index"));
        IndexTestSupport.build(corpus, g.dir);
        return g;
    }

    /** Appends a section to one page and updates the index (a new generation). */
    void editAndUpdate(String page, String text) throws IOException {
        Files.writeString(corpus.resolve(page), "\n\n## Added\n\n" + text + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        IndexTestSupport.build(corpus, dir);
    }

    Map<String, IndexManifest.FileChecksum> checksums() {
        return KnowledgeIndex.readManifest(dir).checksums();
    }

    Set<String> digests() {
        return checksums().values().stream().map(IndexManifest.FileChecksum::sha256).collect(Collectors.toSet());
    }

    Path generation() {
        return new dev.athenaeum.index.IndexDirectory(dir).current().orElseThrow();
    }
}
