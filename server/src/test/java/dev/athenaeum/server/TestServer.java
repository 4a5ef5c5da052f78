package dev.athenaeum.server;

import dev.athenaeum.chat.KnowledgeChat;
import dev.athenaeum.index.KnowledgeIndex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A running server on a free port, over a real index of a few guide pages (built once per test JVM for the classes
 * that do not test search itself).
 */
public final class TestServer implements AutoCloseable {

    private static KnowledgeIndex shared;

    public final AthenaeumServer server;
    public final int port;
    public final Http http;

    private TestServer(AthenaeumServer server) {
        this.server = server;
        this.port = server.start();
        this.http = new Http(port);
    }

    public static TestServer start(ServerConfig.Builder config, KnowledgeChat chat) {
        return start(config, chat, sharedIndex());
    }

    public static TestServer start(ServerConfig.Builder config, KnowledgeChat chat, KnowledgeIndex index) {
        Backend backend = new Backend(index, TestIndex.searcher(index), chat);
        return new TestServer(new AthenaeumServer(config.port(0).build(), backend));
    }

    public static TestServer open(KnowledgeChat chat) {
        return start(ServerConfig.builder(), chat);
    }

    public static synchronized KnowledgeIndex sharedIndex() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("athenaeum-server-test");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
                shared = TestIndex.build(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    @Override
    public void close() {
        server.close();
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temporary folder; the OS cleans up what is left.
        }
    }
}
