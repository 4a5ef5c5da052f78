package dev.athenaeum.gui.workspace;

import dev.athenaeum.embedding.Embedder;
import dev.athenaeum.embedding.EmbeddingModels;
import dev.athenaeum.embedding.EmbeddingOptions;

import java.util.HashMap;
import java.util.Map;

/**
 * Embedding models, opened once and shared by builds and searches of every knowledge base: the built-in model takes
 * a second and a few hundred megabytes to load. Opening happens on the calling (background) thread.
 */
public final class Models implements AutoCloseable {

    private final EmbeddingOptions options;
    private final Map<String, Embedder> open = new HashMap<>();

    public Models(EmbeddingOptions options) {
        this.options = options;
    }

    public static Models fromEnvironment() {
        return new Models(EmbeddingOptions.fromEnvironment());
    }

    public synchronized Embedder get(String model) {
        return open.computeIfAbsent(EmbeddingModels.canonical(model), name -> EmbeddingModels.open(name, options));
    }

    public synchronized boolean isLoaded(String model) {
        return open.containsKey(EmbeddingModels.canonical(model));
    }

    @Override
    public synchronized void close() {
        open.values().forEach(Embedder::close);
        open.clear();
    }
}
