package dev.athenaeum.bench;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;

import java.nio.file.Path;
import java.util.List;

/** langchain4j's InMemoryEmbeddingStore: what a langchain4j application starts with; exact (it scores every vector). */
final class InMemoryStoreEngine implements VectorEngine {

    private InMemoryEmbeddingStore<TextSegment> store;

    @Override
    public String name() {
        return "langchain4j InMemoryEmbeddingStore (exact)";
    }

    @Override
    public void build(float[][] data, int n, Path dir) {
        store = new InMemoryEmbeddingStore<>();
        for (int i = 0; i < n; i++) {
            store.add(Integer.toString(i), Embedding.from(data[i]));
        }
    }

    @Override
    public int[] search(float[] query, int k) {
        List<EmbeddingMatch<TextSegment>> matches = store.search(EmbeddingSearchRequest.builder()
                .queryEmbedding(Embedding.from(query)).maxResults(k).build()).matches();
        int[] ids = new int[matches.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = Integer.parseInt(matches.get(i).embeddingId());
        }
        return ids;
    }
}
