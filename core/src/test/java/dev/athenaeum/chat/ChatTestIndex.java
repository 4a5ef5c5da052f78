package dev.athenaeum.chat;

import dev.athenaeum.index.IndexTestSupport;
import dev.athenaeum.index.KnowledgeIndex;
import dev.athenaeum.search.Searcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real index of a few pages of Athenaeum's own user guide, built with the real embedding model once per test JVM
 * and shared by the chat tests (they only read it).
 */
public final class ChatTestIndex {

    public static final Path GUIDE = Path.of("../samples/guide").toAbsolutePath().normalize();
    public static final List<String> FILES = List.of(
            "guides/ollama-and-openai.md",
            "guides/keeping-up-to-date.md",
            "concepts/hybrid-search.md",
            "troubleshooting.md",
            "privacy.md");

    private static Searcher searcher;

    private ChatTestIndex() {
    }

    public static synchronized Searcher searcher() {
        if (searcher == null) {
            try {
                Path dir = Files.createTempDirectory("athenaeum-chat-test");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                Path corpus = dir.resolve("guide");
                for (String f : FILES) {
                    Path target = corpus.resolve(f);
                    Files.createDirectories(target.getParent());
                    Files.copy(GUIDE.resolve(f), target, StandardCopyOption.REPLACE_EXISTING);
                }
                Path index = dir.resolve("index");
                IndexTestSupport.build(corpus, index);
                searcher = new Searcher(KnowledgeIndex.open(index), IndexTestSupport.embedder());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return searcher;
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temporary folder left behind is not worth failing a test run for.
        }
    }
}
