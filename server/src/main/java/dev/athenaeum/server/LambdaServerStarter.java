package dev.athenaeum.server;

import dev.athenaeum.chat.RagChat;
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

/**
 * Starts the HTTP API inside the Lambda container, on loopback, configured from the function's environment
 * ({@link ServerEnvironment}). Registered in {@code META-INF/services} for the Lambda entry to find. The index,
 * model and server live as long as the container, so nothing here is closed.
 */
public final class LambdaServerStarter implements ServerStarter {

    @Override
    public int start(Path indexDir, Optional<ApiKey> openAiKey) throws IOException {
        return create(indexDir, openAiKey, System.getenv()).start();
    }

    static AthenaeumServer create(Path indexDir, Optional<ApiKey> openAiKey, Map<String, String> env) throws IOException {
        // Settings first: a misconfigured function fails before the model is loaded.
        ServerConfig config = ServerEnvironment.serverConfig(env).host(ServerConfig.LOOPBACK).port(0).build();
        var chatSettings = ServerEnvironment.chatSettings(env, openAiKey.map(ApiKey::value));
        // A function's memory limit counts mapped pages: read the vectors instead.
        KnowledgeIndex index = KnowledgeIndex.open(indexDir, VectorAccess.READ);
        var embedder = EmbeddingModels.open(index.manifest().embedding().model(), EmbeddingOptions.fromEnvironment());
        Searcher searcher = new Searcher(index, embedder);
        return new AthenaeumServer(config, new Backend(index, searcher, new RagChat(searcher, chatSettings)));
    }
}
