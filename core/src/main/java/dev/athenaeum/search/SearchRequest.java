package dev.athenaeum.search;

import dev.athenaeum.corpus.Glob;

/**
 * A search: the query, how many results, the mode and an optional path glob that results' files must match.
 * Build with {@link #builder(String)}; invalid values fail there.
 */
public record SearchRequest(String query, int topK, SearchMode mode, String pathGlob) {

    public static final int DEFAULT_TOP_K = 5;
    public static final int MAX_TOP_K = 200;

    public SearchRequest {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("the query is empty");
        }
        if (topK < 1 || topK > MAX_TOP_K) {
            throw new IllegalArgumentException("top-k must be between 1 and " + MAX_TOP_K + ", got " + topK);
        }
        if (mode == null) {
            mode = SearchMode.HYBRID;
        }
        if (pathGlob != null && pathGlob.isBlank()) {
            pathGlob = null;
        }
        if (pathGlob != null) {
            // Fail here, as documented, rather than in the middle of a search.
            Glob.of(pathGlob);
        }
    }

    public static Builder builder(String query) {
        return new Builder(query);
    }

    public static final class Builder {
        private final String query;
        private int topK = DEFAULT_TOP_K;
        private SearchMode mode = SearchMode.HYBRID;
        private String pathGlob;

        private Builder(String query) {
            this.query = query;
        }

        public Builder topK(int k) {
            this.topK = k;
            return this;
        }

        public Builder mode(SearchMode mode) {
            this.mode = mode;
            return this;
        }

        public Builder pathGlob(String glob) {
            this.pathGlob = glob;
            return this;
        }

        public SearchRequest build() {
            return new SearchRequest(query, topK, mode, pathGlob);
        }
    }
}
