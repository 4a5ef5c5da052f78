package dev.athenaeum.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A small slice of the npm documentation: enough for meaningful searches, small enough to embed in seconds. */
final class TestCorpus {

    static final Path NPM_DOCS = Path.of("../testdata/npm-docs");
    static final List<String> FILES = List.of(
            "commands/npm-access.md",
            "commands/npm-publish.md",
            "commands/npm-cache.md",
            "commands/npm-uninstall.md",
            "using-npm/removal.md",
            "using-npm/logging.md");

    private TestCorpus() {
    }

    static Path copyTo(Path dir) throws IOException {
        for (String f : FILES) {
            Path target = dir.resolve(f);
            Files.createDirectories(target.getParent());
            Files.copy(NPM_DOCS.resolve(f), target);
        }
        return dir;
    }

    /** Builds an index of a fresh copy of the corpus through the command line; returns the summary run. */
    static Cli.Result index(Path corpus, Path out) throws IOException {
        copyTo(corpus);
        Cli.Result r = Cli.run("index", corpus.toString(), "--index", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r;
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The live generation's folder, as the index's CURRENT pointer names it. */
    static Path currentGeneration(Path index) throws IOException {
        return index.resolve(Files.readString(index.resolve("CURRENT"), StandardCharsets.UTF_8).strip());
    }
}
