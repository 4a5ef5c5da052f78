package dev.athenaeum.search;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * The machine-readable form of one search, shared by every front end that prints or serves results (the CLI's
 * {@code --json}, the HTTP API): {@code query}, then {@code results} with
 * {@code file, headings, startLine, endLine, score, text}. Scripts depend on these names and their order; the
 * records fix both.
 */
@JsonPropertyOrder({"query", "results"})
public record SearchResults(String query, List<Result> results) {

    public SearchResults {
        results = List.copyOf(results);
    }

    public static SearchResults of(String query, List<SearchHit> hits) {
        return new SearchResults(query, hits.stream().map(Result::of).toList());
    }

    @JsonPropertyOrder({"file", "headings", "startLine", "endLine", "score", "text"})
    public record Result(String file, List<String> headings, int startLine, int endLine, double score, String text) {

        public Result {
            headings = List.copyOf(headings);
        }

        public static Result of(SearchHit h) {
            return new Result(h.file(), h.headings(), h.startLine(), h.endLine(), h.score(), h.text());
        }
    }
}
