package dev.athenaeum.gui.serve;

import dev.athenaeum.chat.ChatSettings;
import dev.athenaeum.chat.RagChat;
import dev.athenaeum.gui.workspace.KnowledgeBaseSession;
import dev.athenaeum.index.KnowledgeIndex;
import dev.athenaeum.search.Searcher;
import dev.athenaeum.server.AthenaeumServer;
import dev.athenaeum.server.Backend;
import dev.athenaeum.server.ServerConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.time.Duration;

/**
 * The HTTP API over one knowledge base's index, on this machine's loopback interface only (no authentication is
 * configured, so nothing else may reach it). It has its own handle on the index, so rebuilds do not close it midway.
 */
final class LocalServer implements AutoCloseable {

    private final KnowledgeIndex index;
    private final AthenaeumServer server;
    private final int port;
    private final boolean movedFromTakenPort;

    private LocalServer(KnowledgeIndex index, AthenaeumServer server, int port, boolean moved) {
        this.index = index;
        this.server = server;
        this.port = port;
        this.movedFromTakenPort = moved;
    }

    /** Starts on {@code port}; when another program holds it, on a free port instead ({@link #movedFromTakenPort()}). */
    static LocalServer start(KnowledgeBaseSession session, int port) throws IOException {
        KnowledgeIndex index = KnowledgeIndex.open(session.knowledgeBase().indexDir());
        try {
            Searcher searcher = session.searcherFor(index);
            Backend backend = new Backend(index, searcher, new RagChat(searcher, ChatSettings.retrievalOnly()));
            try {
                AthenaeumServer s = server(backend, port);
                return new LocalServer(index, s, s.start(), false);
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof BindException) || port == 0) {
                    throw e;
                }
                AthenaeumServer s = server(backend, 0);
                return new LocalServer(index, s, s.start(), true);
            }
        } catch (RuntimeException e) {
            index.close();
            throw e;
        }
    }

    private static AthenaeumServer server(Backend backend, int port) {
        // A short grace: the person stopping it is waiting for the button to come back.
        return new AthenaeumServer(ServerConfig.builder().port(port).shutdownGrace(Duration.ofSeconds(2)).build(), backend);
    }

    int port() {
        return port;
    }

    boolean movedFromTakenPort() {
        return movedFromTakenPort;
    }

    @Override
    public void close() throws IOException {
        try {
            server.close();
        } finally {
            index.close();
        }
    }
}
