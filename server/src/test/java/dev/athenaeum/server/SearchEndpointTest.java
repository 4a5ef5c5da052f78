package dev.athenaeum.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.athenaeum.index.KnowledgeIndex;
import dev.athenaeum.search.SearchHit;
import dev.athenaeum.search.SearchMode;
import dev.athenaeum.search.SearchRequest;
import dev.athenaeum.search.SearchResults;
import dev.athenaeum.server.http.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /search} end to end on a real index of guide pages, built once for this class. */
class SearchEndpointTest {

    @TempDir
    static Path dir;
    private static KnowledgeIndex index;
    private static TestServer server;

    @BeforeAll
    static void start() {
        index = TestIndex.build(dir);
        server = TestServer.start(ServerConfig.builder(), ScriptedChat.answering(), index);
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        index.close();
    }

    @Test
    void findsThePageThatAnswersTheQuestion() {
        HttpResponse<String> r = server.http.postJson("/search", "{\"query\": \"how do I exclude a folder from the index?\"}");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = Http.json(r);
        assertThat(body.path("query").asText()).isEqualTo("how do I exclude a folder from the index?");
        assertThat(body.path("results")).hasSize(SearchRequest.DEFAULT_TOP_K);
        assertThat(body.path("results").get(0).path("file").asText()).isEqualTo("guides/include-exclude-patterns.md");
    }

    @Test
    void answersExactlyWhatTheSearcherFindsInTheCommandLinesShape() throws IOException {
        String query = "which data leaves my computer";
        HttpResponse<String> r = server.http.postJson("/search",
                "{\"query\": \"" + query + "\", \"top_k\": 3, \"mode\": \"dense\"}");

        List<SearchHit> direct = TestIndex.searcher(index).search(
                SearchRequest.builder(query).topK(3).mode(SearchMode.DENSE).build());
        assertThat(r.body()).isEqualTo(Json.write(SearchResults.of(query, direct)));
        JsonNode first = Http.json(r).path("results").get(0);
        List<String> fields = new ArrayList<>();
        first.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("file", "headings", "startLine", "endLine", "score", "text");
        assertThat(first.path("endLine").asInt()).isGreaterThanOrEqualTo(first.path("startLine").asInt());
        assertThat(first.path("text").asText()).isNotBlank();
    }

    @Test
    void limitIsAnotherNameForTopKAndPathFiltersFiles() {
        JsonNode body = Http.json(server.http.postJson("/search",
                "{\"query\": \"ollama model\", \"limit\": 2, \"mode\": \"keyword\", \"path\": \"guides/*\"}"));

        assertThat(body.path("results")).hasSize(2);
        body.path("results").forEach(hit -> assertThat(hit.path("file").asText()).startsWith("guides/"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{}                                       | query",
            "{\"query\": \"   \"}                     | query",
            "{\"query\": 42}                          | query",
            "{\"query\": \"x\", \"top_k\": 0}         | top_k",
            "{\"query\": \"x\", \"top_k\": 201}       | top_k",
            "{\"query\": \"x\", \"top_k\": 2.5}       | top_k",
            "{\"query\": \"x\", \"top_k\": 2, \"limit\": 2} | limit",
            "{\"query\": \"x\", \"mode\": \"fuzzy\"}  | mode",
            "{\"query\": \"x\", \"mode\": \"DENSE\"}  | mode",
            "{\"query\": \"x\", \"path\": \"[a\"}     | path",
            "{\"query\": \"x\", \"topk\": 3}          | topk"})
    void invalidRequestsAre400NamingTheField(String json, String param) {
        HttpResponse<String> r = server.http.postJson("/search", json);

        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode error = Http.json(r).path("error");
        assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.path("param").asText()).isEqualTo(param);
        assertThat(error.path("message").asText()).contains(param.equals("topk") ? "unknown field" : "");
    }
}
