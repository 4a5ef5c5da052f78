package dev.athenaeum.bench;

import dev.athenaeum.chat.ChatSettings;
import dev.athenaeum.chat.KnowledgeChat;
import dev.athenaeum.chat.RagChat;
import dev.athenaeum.embedding.Embedder;
import dev.athenaeum.embedding.EmbeddingModels;
import dev.athenaeum.embedding.EmbeddingOptions;
import dev.athenaeum.index.KnowledgeIndex;
import dev.athenaeum.search.Searcher;
import dev.athenaeum.server.AthenaeumServer;
import dev.athenaeum.server.Backend;
import dev.athenaeum.server.ServerConfig;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Where a server's start-up time goes: the steps {@code athenaeum serve} takes, one after another and timed, in a
 * JVM started like the server's ({@link ServerBench} starts it with the application's class path and the launcher's
 * JVM options). Prints {@code phase<TAB>name<TAB>milliseconds} lines; the first, "JVM start until main", needs
 * {@code -Dbench.launched-at=EPOCH_MICROS} from the parent.
 *
 * <p>The steps are timed one after another, although {@code serve} loads the model on a thread of its own while it
 * opens the index and starts the HTTP server: the table says what each step costs, the cold start what the overlap
 * gives. The first query embedding is timed on its own (in-process, before any HTTP request), so the first
 * {@code /search} over HTTP shows what the HTTP side adds to a first answer.
 *
 * <pre>
 * StartupPhases --index DIR [--query TEXT]
 * </pre>
 *
 * <p>Needs the server module on the class path: the bench module compiles against it ({@code provided}) but does not
 * ship it, so this runs on the application's class path, not on the bench's.
 */
public final class StartupPhases {

    private final Map<String, Double> phases = new LinkedHashMap<>();
    private long last = System.nanoTime();

    private StartupPhases() {
    }

    private void lap(String name) {
        long now = System.nanoTime();
        phases.put(name, (now - last) / 1e6);
        last = now;
    }

    public static void main(String[] argv) throws Exception {
        Instant mainAt = Instant.now();
        StartupPhases t = new StartupPhases();
        Args args = new Args(argv, Set.of());
        Path indexDir = Path.of(args.get("index", "."));
        String query = args.get("query", "How do I publish a scoped package?");
        String launched = System.getProperty("bench.launched-at");
        if (launched != null) {
            Instant at = Instant.EPOCH.plus(Long.parseLong(launched), ChronoUnit.MICROS);
            t.phases.put("JVM start until main", at.until(mainAt, ChronoUnit.MICROS) / 1e3);
        }
        // As Main and ServeCommand (ServerLogging) do: warnings only, except the server's own lines (one a request).
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.dev.athenaeum.server", "info");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        t.lap("(arguments)");
        t.phases.remove("(arguments)");
        try (KnowledgeIndex idx = KnowledgeIndex.open(indexDir)) {
            t.lap("open the index");
            try (Embedder embedder = EmbeddingModels.open(idx.manifest().embedding().model(),
                    EmbeddingOptions.fromEnvironment())) {
                t.lap("load the embedding model");
                Searcher searcher = new Searcher(idx, embedder);
                KnowledgeChat chat = new RagChat(searcher, ChatSettings.retrievalOnly());
                t.lap("searcher and retrieval-only chat");
                try (AthenaeumServer server = new AthenaeumServer(ServerConfig.builder().host(ServerProcess.HOST).port(0)
                        .build(), new Backend(idx, searcher, chat))) {
                    int port = server.start();
                    t.lap("start the HTTP server (Javalin, Jetty, routes)");
                    try (LoopbackHttp http = new LoopbackHttp(ServerProcess.HOST, port, 60_000)) {
                        check(http.get("/health"));
                        t.lap("first GET /health");
                        embedder.embedQuery(query);
                        t.lap("first query embedding (in-process)");
                        byte[] body = ("{\"query\": \"" + query.replace("\"", "") + "\"}").getBytes(StandardCharsets.UTF_8);
                        check(http.postJson("/search", body));
                        t.lap("first POST /search (HTTP, embedding, search, JSON)");
                        check(http.postJson("/search", body));
                        t.lap("second POST /search (same query)");
                    }
                }
            }
        }
        t.phases.forEach((name, ms) -> System.out.printf(java.util.Locale.ROOT, "phase\t%s\t%.1f%n", name, ms));
        System.out.flush();
    }

    private static void check(LoopbackHttp.Response r) {
        if (r.status() != 200) {
            throw new IllegalStateException("HTTP " + r.status() + ": " + r.text());
        }
    }
}
