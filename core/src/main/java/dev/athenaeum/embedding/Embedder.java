package dev.athenaeum.embedding;

import dev.athenaeum.chunking.TextTokenizer;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;

import java.util.ArrayList;
import java.util.List;

/**
 * An embedding model with what the index needs to know about it: the name recorded in the manifest, the vector
 * dimension, the tokenizer chunk budgets are counted in, and the longest input it reads whole.
 */
public final class Embedder implements AutoCloseable {

    private final String name;
    private final EmbeddingModel model;
    private final TextTokenizer tokenizer;
    private final int windowTokens;
    private final int batchSize;
    private final AutoCloseable resources;
    private volatile int dimension;

    Embedder(String name, EmbeddingModel model, TextTokenizer tokenizer, int windowTokens, int batchSize,
             int knownDimension, AutoCloseable resources) {
        this.name = name;
        this.model = model;
        this.tokenizer = tokenizer;
        this.windowTokens = windowTokens;
        this.batchSize = batchSize;
        this.dimension = knownDimension;
        this.resources = resources;
    }

    /** The model's identity in an index manifest, e.g. {@code all-minilm-l6-v2-q} or {@code ollama:nomic-embed-text}. */
    public String name() {
        return name;
    }

    /** The langchain4j model behind this embedder. */
    public EmbeddingModel model() {
        return model;
    }

    public TextTokenizer tokenizer() {
        return tokenizer;
    }

    /**
     * Size of the windows chunks are embedded in, in {@link #tokenizer()} tokens: at most what the model reads without
     * cutting it off, and less where the model represents shorter text better.
     */
    public int windowTokens() {
        return windowTokens;
    }

    /** How many texts one call to {@link #embed(List)} should carry for good throughput. */
    public int batchSize() {
        return batchSize;
    }

    /** The vector dimension; a remote model is asked once if it is not known in advance. */
    public int dimension() {
        if (dimension <= 0) {
            dimension = embedQuery("dimension").length;
        }
        return dimension;
    }

    public float[] embedQuery(String text) {
        return model.embed(text).content().vector();
    }

    public List<float[]> embed(List<String> texts) {
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String t : texts) {
            segments.add(TextSegment.from(t));
        }
        List<Embedding> embeddings = model.embedAll(segments).content();
        if (embeddings.size() != texts.size()) {
            throw new IllegalStateException("the embedding model " + name + " returned " + embeddings.size()
                    + " vectors for " + texts.size() + " texts");
        }
        List<float[]> out = new ArrayList<>(embeddings.size());
        for (Embedding e : embeddings) {
            out.add(e.vector());
        }
        return out;
    }

    @Override
    public void close() {
        if (resources != null) {
            try {
                resources.close();
            } catch (Exception e) {
                // Only native memory is released here; a failure leaves nothing to clean up.
            }
        }
    }
}
