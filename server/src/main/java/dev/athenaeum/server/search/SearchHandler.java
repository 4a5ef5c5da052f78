package dev.athenaeum.server.search;

import dev.athenaeum.search.SearchHit;
import dev.athenaeum.search.SearchMode;
import dev.athenaeum.search.SearchRequest;
import dev.athenaeum.search.SearchResults;
import dev.athenaeum.search.Searcher;
import dev.athenaeum.server.http.ApiError;
import dev.athenaeum.server.http.JsonBody;
import io.javalin.http.Context;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code POST /search}: {@code {query, top_k | limit, mode, path}} in, the CLI's {@code --json} shape out
 * ({@link SearchResults}), so scripts can switch between the two without changes.
 */
public final class SearchHandler {

    private static final List<String> FIELDS = List.of("query", "top_k", "limit", "mode", "path");
    // Exactly the ids the API documents; the CLI's lenient parsing (any case) is for people, not programs.
    private static final Map<String, SearchMode> MODES = Arrays.stream(SearchMode.values())
            .collect(Collectors.toUnmodifiableMap(SearchMode::id, m -> m));

    private final Searcher searcher;
    private final long maxRequestBytes;

    public SearchHandler(Searcher searcher, long maxRequestBytes) {
        this.searcher = searcher;
        this.maxRequestBytes = maxRequestBytes;
    }

    public void handle(Context ctx) {
        SearchRequest request = request(JsonBody.read(ctx, maxRequestBytes));
        List<SearchHit> hits = searcher.search(request);
        ctx.json(SearchResults.of(request.query(), hits));
    }

    static SearchRequest request(JsonBody body) {
        // A misspelt option ("topk") would otherwise be ignored silently and the search would look wrong.
        body.node().fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw ApiError.badRequest(name, "unknown field '" + name + "': use " + String.join(", ", FIELDS));
            }
        });
        String query = body.requiredString("query");
        if (query.isBlank()) {
            throw ApiError.badRequest("query", "'query' is empty");
        }
        Integer topK = body.integer("top_k");
        Integer limit = body.integer("limit");
        if (body.node().has("top_k") && body.node().has("limit")) {
            throw ApiError.badRequest("limit", "give 'top_k' or 'limit' (two names for the same thing), not both");
        }
        int k = topK != null ? topK : limit != null ? limit : SearchRequest.DEFAULT_TOP_K;
        if (k < 1 || k > SearchRequest.MAX_TOP_K) {
            throw ApiError.badRequest(topK != null ? "top_k" : "limit",
                    "the number of results must be between 1 and " + SearchRequest.MAX_TOP_K + ", got " + k);
        }
        String modeName = body.string("mode");
        SearchMode mode = modeName == null ? SearchMode.HYBRID : MODES.get(modeName);
        if (mode == null) {
            throw ApiError.badRequest("mode", "unknown search mode '" + modeName + "': use hybrid, dense or keyword");
        }
        try {
            return SearchRequest.builder(query).topK(k).mode(mode).pathGlob(body.string("path")).build();
        } catch (IllegalArgumentException e) {
            // The remaining checks are the glob's; the engine's message says what is wrong with it.
            throw ApiError.badRequest("path", e.getMessage());
        }
    }
}
