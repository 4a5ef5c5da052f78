package dev.athenaeum.cli;

import dev.athenaeum.chat.ChatProvider;
import dev.athenaeum.chat.ChatSettings;
import dev.athenaeum.chat.KnowledgeChat;
import dev.athenaeum.chat.RagChat;
import dev.athenaeum.embedding.Embedder;
import dev.athenaeum.embedding.EmbeddingModels;
import dev.athenaeum.embedding.EmbeddingOptions;
import dev.athenaeum.index.KnowledgeIndex;
import dev.athenaeum.index.VectorAccess;
import dev.athenaeum.search.Searcher;
import dev.athenaeum.server.AthenaeumServer;
import dev.athenaeum.server.Backend;
import dev.athenaeum.server.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve an index over HTTP: search, OpenAI-compatible chat completions, health and an OpenAPI "
                + "description at /openapi.json. Runs until Ctrl-C, letting requests in flight finish."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Option(names = "--index", required = true, paramLabel = "OUT", description = "Folder of the index to serve.")
    Path index;

    @Option(names = "--host", paramLabel = "HOST",
            description = "Interface to listen on (default 127.0.0.1, this machine only; 0.0.0.0 with --auth api-key or jwt).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + ServerConfig.DEFAULT_PORT,
            description = "Port to listen on (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Mixin
    ServeAuthOptions auth;

    @Option(names = "--cors-origin", paramLabel = "ORIGIN",
            description = "A browser origin allowed to call the API, e.g. https://app.example.com (repeatable; none by default).")
    List<String> corsOrigins = new ArrayList<>();

    @Option(names = "--max-request-size", paramLabel = "SIZE", defaultValue = "1MB", converter = ByteSizeConverter.class,
            description = "Largest request body accepted (default ${DEFAULT-VALUE}); larger ones get 413.")
    long maxRequestBytes;

    @Option(names = "--mapped-vectors", description = "Map the index's vectors into memory: searches are a little "
            + "faster, but the vectors then count in the server's resident memory (by default they are read as needed).")
    boolean mappedVectors;

    @Option(names = "--provider", paramLabel = "NAME", defaultValue = "none",
            description = "Who writes chat answers: none (default: the matching passages only), ollama or openai.")
    String provider;

    @Option(names = "--model", paramLabel = "MODEL", description = "The chat model, e.g. llama3.1:8b.")
    String model;

    @Option(names = "--base-url", paramLabel = "URL", description = "Where the chat provider runs.")
    String baseUrl;

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws IOException {
        // Checked before the index and model are opened, so a typo costs nothing.
        ServerConfig config = serverConfig();
        ChatSettings chatSettings = chatSettings();
        ServerLogging.configure();
        PrintWriter out = spec.commandLine().getOut();
        // Start-up: the model loads on its own thread while the index opens and the HTTP server starts (each mostly
        // loads classes), so the first answer comes sooner on a machine with two or more cores.
        CompletableFuture<Embedder> model = loadInBackground(KnowledgeIndex.readManifest(index).embedding().model());
        // Start-up: the model loads on its own thread, the index opens on another and the HTTP server starts on
        // this one (each mostly loads classes), so the first answer comes sooner on a machine with two or more cores.
        CompletableFuture<KnowledgeIndex> opening = inBackground("athenaeum-index-open",
                () -> KnowledgeIndex.open(index, mappedVectors ? VectorAccess.MAPPED : VectorAccess.READ));
        CompletableFuture<Backend> backend = opening.thenApply(idx -> {
            Searcher searcher = Searcher.whileLoading(idx, model);
            return new Backend(idx, searcher, new RagChat(searcher, chatSettings));
        });
        Thread hook = new Thread(this::stopAndWait, "athenaeum-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (AthenaeumServer server = new AthenaeumServer(config, backend)) {
            int bound = server.start();
            Backend ready = joined(backend);
            // A model that cannot be loaded (or does not match the index) stops the server before it is announced,
            // as it always did.
            ready.searcher().awaitModel();
            ServeBanner.print(out, config, bound, ready.index(), ready.chat().model(), auth);
            stopRequested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // Closed once loaded: a model still loading when the index failed to open is closed when it is done.
            model.thenAccept(Embedder::close);
            opening.thenAccept(ServeCommand::closeQuietly);
            stopped.countDown();
            removeHook(hook);
        }
        return 0;
    }

    private static CompletableFuture<Embedder> loadInBackground(String modelName) {
        return inBackground("athenaeum-model-load", () -> EmbeddingModels.open(modelName, EmbeddingOptions.fromEnvironment()));
    }

    private static <T> CompletableFuture<T> inBackground(String name, java.util.concurrent.Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread.ofPlatform().name(name).daemon().start(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result;
    }

    private static void closeQuietly(KnowledgeIndex idx) {
        try {
            idx.close();
        } catch (IOException e) {
            // Stopping anyway: nothing was written to the index.
        }
    }

    /** The backend, or the index's own failure as it would have been thrown when opened on this thread. */
    private static Backend joined(CompletableFuture<Backend> backend) throws IOException {
        try {
            return backend.join();
        } catch (java.util.concurrent.CompletionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException r -> throw r;
                case Error err -> throw err;
                default -> throw e;
            }
        }
    }

    /** Stops the server, as Ctrl-C does. */
    void stop() {
        stopRequested.countDown();
    }

    /** Ctrl-C: the JVM halts when this hook returns, so it waits for the graceful shutdown to finish. */
    private void stopAndWait() {
        stop();
        try {
            stopped.await(ServerConfig.DEFAULT_SHUTDOWN_GRACE.toSeconds() + 10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the hook is running and returns now that the server has stopped.
        }
    }

    private ServerConfig serverConfig() throws IOException {
        try {
            return ServerConfig.builder().host(host).port(port).auth(auth.settings()).corsOrigins(corsOrigins)
                    .maxRequestBytes(maxRequestBytes).build();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private ChatSettings chatSettings() {
        try {
            ChatProvider p = ChatProvider.parse(provider);
            String key = p == ChatProvider.OPENAI ? System.getenv("OPENAI_API_KEY") : null;
            if (p == ChatProvider.OPENAI && (key == null || key.isBlank())) {
                throw new IllegalArgumentException("--provider openai needs the OPENAI_API_KEY environment variable");
            }
            return ChatSettings.builder().provider(p).model(model).baseUrl(baseUrl).apiKey(key).build();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
