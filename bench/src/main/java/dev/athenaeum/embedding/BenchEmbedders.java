package dev.athenaeum.embedding;

import dev.langchain4j.model.embedding.EmbeddingModel;

/**
 * Benchmarks only: embedders that behave like a real one for everything an index records and cuts text by (name,
 * tokenizer, window size, batch size, dimension) but take their vectors from another model. This class sits in
 * {@code dev.athenaeum.embedding} of the bench module because {@link Embedder}'s constructor is package-private:
 * the product has no use for such embedders.
 */
public final class BenchEmbedders {

    private BenchEmbedders() {
    }

    /**
     * An embedder named and tokenizing like {@code like} whose vectors come from {@code vectors}. Closing it leaves
     * {@code like} open.
     */
    public static Embedder withVectorsFrom(Embedder like, EmbeddingModel vectors) {
        return new Embedder(like.name(), vectors, like.tokenizer(), like.windowTokens(), like.batchSize(),
                like.dimension(), null);
    }
}
