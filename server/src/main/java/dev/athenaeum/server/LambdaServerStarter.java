package dev.athenaeum.server;

import dev.athenaeum.chat.RagChat;
import dev.athenaeum.embedding.Embedder;
import dev.athenaeum.embedding.EmbeddingModels;
import dev.athenaeum.embedding.EmbeddingOptions;
import dev.athenaeum.index.KnowledgeIndex;
import dev.athenaeum.index.VectorAccess;
import dev.athenaeum.search.Searcher;
import dev.athenaeum.server.lambda.ApiKey;
import dev.athenaeum.server.lambda.ServerStarter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Starts the HTTP API inside the Lambda container, on loopback, configured from the function's environment
 * ({@link ServerEnvironment}). Registered in {@code META-INF/services} for the Lambda entry to find. The index,
 * model and server live as long as the container, so nothing here is closed.
 */
public final class LambdaServerStarter implements ServerStarter {

    @Override
    public int start(Path indexDir, Optional<ApiKey> openAiKey) throws IOException {
        Started started = create(indexDir, openAiKey, System.getenv());
        int port = started.server().start();
        // Returns once the model is there, so a model that cannot load fails the function's start, not its searches.
        started.searcher().awaitModel();
        return port;
    }

    record Started(AthenaeumServer server, Searcher searcher) {
    }

    /** The server, not yet started; the model loads on its own thread meanwhile (most of a cold start). */
    static Started create(Path indexDir, Optional<ApiKey> openAiKey, Map<String, String> env) throws IOException {
        // Settings first: a misconfigured function fails before the model is loaded.
        ServerConfig config = ServerEnvironment.serverConfig(env).host(ServerConfig.LOOPBACK).port(0).build();
        var chatSettings = ServerEnvironment.chatSettings(env, openAiKey.map(ApiKey::value));
        String model = KnowledgeIndex.readManifest(indexDir).embedding().model();
        CompletableFuture<Embedder> loading = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("athenaeum-model-load").start(() -> {
            try {
                loading.complete(EmbeddingModels.open(model, EmbeddingOptions.fromEnvironment()));
            } catch (Throwable t) {
                loading.completeExceptionally(t);
            }
        });
        // A function's memory limit counts mapped pages: read the vectors instead.
        KnowledgeIndex index = KnowledgeIndex.open(indexDir, VectorAccess.READ);
        Searcher searcher = Searcher.whileLoading(index, loading);
        return new Started(new AthenaeumServer(config, new Backend(index, searcher, new RagChat(searcher, chatSettings))),
                searcher);
    }
}
