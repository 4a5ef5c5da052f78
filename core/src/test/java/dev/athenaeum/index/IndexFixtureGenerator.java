package dev.athenaeum.index;

import dev.athenaeum.chunking.ChunkSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Writes the on-disk format fixture that {@link OldFormatFixtureTest} reads. Not part of the normal test run: it
 * runs only when asked, and its output must never replace an existing fixture (see the fixture's README):
 * <pre>
 * ./mvnw -q test -pl core -Dtest=IndexFixtureGenerator -Dathenaeum.fixture.out=/tmp/index-vN
 * </pre>
 */
@EnabledIfSystemProperty(named = "athenaeum.fixture.out", matches = ".+")
class IndexFixtureGenerator {

    static final String[] FILES = OldFormatFixtureTest.FILES;
    static final ChunkSettings CHUNKING = OldFormatFixtureTest.CHUNKING;

    @Test
    void generate() throws IOException {
        Path out = Path.of(System.getProperty("athenaeum.fixture.out")).toAbsolutePath();
        if (Files.exists(out)) {
            throw new IllegalStateException(out + " exists; fixtures are never regenerated in place");
        }
        Path corpus = IndexTestSupport.copyNpmDocs(Files.createTempDirectory("athenaeum-fixture-docs"), FILES);
        Path index = Files.createTempDirectory("athenaeum-fixture-index").resolve("index");
        BuildReport report = IndexTestSupport.build(corpus, index, CHUNKING);
        Files.createDirectories(out);
        Files.copy(index.resolve(IndexDirectory.CURRENT), out.resolve(IndexDirectory.CURRENT));
        Path gen = report.generation();
        try (Stream<Path> s = Files.walk(gen)) {
            for (Path p : s.toList()) {
                if (p.getFileName().toString().equals("write.lock")) {
                    continue;
                }
                Path target = out.resolve(gen.getFileName().toString()).resolve(gen.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        FileTrees.delete(corpus);
        FileTrees.delete(index.getParent());
        System.out.println("fixture written to " + out + ": " + report);
    }
}
