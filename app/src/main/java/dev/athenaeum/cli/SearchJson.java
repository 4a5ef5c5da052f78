package dev.athenaeum.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.athenaeum.search.SearchHit;
import dev.athenaeum.search.SearchResults;

import java.io.UncheckedIOException;
import java.util.List;

/**
 * Search results as one JSON object per line (JSON Lines), in the shape {@link SearchResults} fixes for every front
 * end, so the CLI's output and the HTTP API's answers are interchangeable.
 */
final class SearchJson {

    // Non-ASCII escaped: the output then survives any console encoding unchanged.
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private SearchJson() {
    }

    static String line(String query, List<SearchHit> hits) {
        try {
            return JSON.writeValueAsString(SearchResults.of(query, hits));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
