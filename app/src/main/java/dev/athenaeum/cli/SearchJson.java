package dev.athenaeum.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.athenaeum.search.SearchHit;

import java.io.UncheckedIOException;
import java.util.List;

/**
 * The machine-readable form of search results, one object per line (JSON Lines): {@code query}, then
 * {@code results} with {@code file, headings, startLine, endLine, score, text}. Scripts depend on these names and
 * their order; records fix both.
 */
final class SearchJson {

    // Non-ASCII escaped: the output then survives any console encoding unchanged.
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    @JsonPropertyOrder({"query", "results"})
    record Output(String query, List<Result> results) {
    }

    @JsonPropertyOrder({"file", "headings", "startLine", "endLine", "score", "text"})
    record Result(String file, List<String> headings, int startLine, int endLine, double score, String text) {
        static Result of(SearchHit h) {
            return new Result(h.file(), h.headings(), h.startLine(), h.endLine(), h.score(), h.text());
        }
    }

    private SearchJson() {
    }

    static String line(String query, List<SearchHit> hits) {
        try {
            return JSON.writeValueAsString(new Output(query, hits.stream().map(Result::of).toList()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
