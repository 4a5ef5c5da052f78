package dev.athenaeum.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.athenaeum.chat.ChatSettings;
import dev.athenaeum.chat.RagChat;
import dev.athenaeum.server.auth.AuthSettings;
import dev.athenaeum.server.http.Json;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The MCP endpoint through the MCP Java SDK's own client, over streamable HTTP, as Claude Desktop or Cursor call it. */
class McpEndpointTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.open(new RagChat(TestIndex.searcher(TestServer.sharedIndex()), ChatSettings.retrievalOnly()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void initialisesAndListsTheToolsAndTheStatusResource() {
        try (McpSyncClient client = client(server.port, null)) {
            McpSchema.InitializeResult init = client.initialize();
            assertThat(init.serverInfo().name()).isEqualTo("athenaeum");
            assertThat(init.capabilities().tools()).isNotNull();

            var tools = client.listTools().tools();
            assertThat(tools).extracting(McpSchema.Tool::name).containsExactlyInAnyOrder("search", "ask");
            McpSchema.Tool search = tools.stream().filter(t -> t.name().equals("search")).findFirst().orElseThrow();
            JsonNode schema = Json.MAPPER.valueToTree(search.inputSchema());
            assertThat(schema.path("required").toString()).isEqualTo("[\"query\"]");
            assertThat(schema.path("properties").properties()).extracting(Map.Entry::getKey)
                    .containsExactlyInAnyOrder("query", "top_k", "mode", "path");

            assertThat(client.listResources().resources()).extracting(McpSchema.Resource::uri)
                    .containsExactly("athenaeum://index/status");
        }
    }

    @Test
    void searchReturnsLocatedPassagesAsTextAndStructuredResults() {
        try (McpSyncClient client = client(server.port, null)) {
            client.initialize();
            CallToolResult r = client.callTool(new CallToolRequest("search",
                    Map.of("query", "Ollama embedding model on another machine", "top_k", 3)));

            assertThat(r.isError()).isFalse();
            String text = ((TextContent) r.content().get(0)).text();
            assertThat(text).startsWith("[1] guides/ollama-and-openai.md");
            assertThat(text).contains("(lines ");
            JsonNode structured = Json.MAPPER.valueToTree(r.structuredContent());
            assertThat(structured.path("query").asText()).isEqualTo("Ollama embedding model on another machine");
            assertThat(structured.path("results")).hasSize(3);
            assertThat(structured.path("results").get(0).path("file").asText()).isEqualTo("guides/ollama-and-openai.md");
            assertThat(structured.path("results").get(0).path("startLine").asInt()).isPositive();
        }
    }

    @Test
    void badArgumentsComeBackAsToolErrorsTheModelCanRead() {
        try (McpSyncClient client = client(server.port, null)) {
            client.initialize();
            CallToolResult badMode = client.callTool(new CallToolRequest("search", Map.of("query", "x", "mode", "fuzzy")));
            assertThat(badMode.isError()).isTrue();
            assertThat(((TextContent) badMode.content().get(0)).text()).contains("/mode", "hybrid");

            CallToolResult tooMany = client.callTool(new CallToolRequest("search", Map.of("query", "x", "top_k", 500)));
            assertThat(tooMany.isError()).isTrue();
            assertThat(((TextContent) tooMany.content().get(0)).text()).contains("top_k");
        }
    }

    @Test
    void askAnswersFromTheSourcesAndSaysWhenNoModelIsConfigured() {
        try (McpSyncClient client = client(server.port, null)) {
            client.initialize();
            CallToolResult r = client.callTool(new CallToolRequest("ask",
                    Map.of("question", "Does Athenaeum change my files?")));

            assertThat(r.isError()).isFalse();
            String text = ((TextContent) r.content().get(0)).text();
            assertThat(text).contains("No language model is configured");
            assertThat(text).contains("Sources:").contains("faq.md");
            JsonNode structured = Json.MAPPER.valueToTree(r.structuredContent());
            assertThat(structured.path("generated").asBoolean()).isFalse();
            assertThat(structured.path("model").asText()).isEqualTo(ChatSettings.RETRIEVAL_ONLY);
            assertThat(structured.path("sources").get(0).path("file").asText()).isNotBlank();
        }
    }

    @Test
    void statusResourceReportsTheIndexActuallyServed() {
        try (McpSyncClient client = client(server.port, null)) {
            client.initialize();
            var contents = client.readResource(new McpSchema.ReadResourceRequest("athenaeum://index/status")).contents();
            JsonNode status = Json.MAPPER.readTree(((TextResourceContents) contents.get(0)).text());
            var manifest = TestServer.sharedIndex().manifest();
            assertThat(status.path("files").asInt()).isEqualTo(manifest.counts().files());
            assertThat(status.path("chunks").asInt()).isEqualTo(manifest.counts().chunks());
            assertThat(status.path("chatModel").asText()).isEqualTo(ChatSettings.RETRIEVAL_ONLY);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theEndpointIsBehindTheSameAuthenticationAsTheRestOfTheApi() {
        String key = "mcp-test-key-0123456789abcdef";
        try (TestServer secured = TestServer.start(ServerConfig.builder().auth(new AuthSettings.ApiKey(key)),
                new RagChat(TestIndex.searcher(TestServer.sharedIndex()), ChatSettings.retrievalOnly()))) {
            try (McpSyncClient anonymous = client(secured.port, null)) {
                assertThatThrownBy(anonymous::initialize).isNotNull();
            }
            try (McpSyncClient keyed = client(secured.port, key)) {
                assertThat(keyed.initialize().serverInfo().name()).isEqualTo("athenaeum");
                CallToolResult r = keyed.callTool(new CallToolRequest("search", Map.of("query", "privacy")));
                assertThat(r.isError()).isFalse();
            }
        }
    }

    @Test
    void transportRefusalsAreJsonErrorsWithoutInternals() {
        HttpResponse<String> wrongType = server.http.send(server.http.request("/mcp")
                .header("Content-Type", "text/plain").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(wrongType.statusCode()).isEqualTo(415);
        JsonNode error = Http.json(wrongType).path("error");
        assertThat(error.path("message").asText()).contains("Content-Type: application/json");
        assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");

        // Refused by the MCP transport itself, which would otherwise send its exception with the stack trace.
        HttpResponse<String> noStreamAccepted = server.http.send(server.http.request("/mcp")
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"tools/list\"}")));
        assertThat(noStreamAccepted.statusCode()).isEqualTo(400);
        assertThat(Http.json(noStreamAccepted).path("error").path("message").asText()).contains("Accept");
        assertThat(noStreamAccepted.body()).doesNotContain("stackTrace", "io.modelcontextprotocol");

        HttpResponse<String> notJson = server.http.send(server.http.request("/mcp")
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{not json")));
        assertThat(notJson.statusCode()).isBetween(400, 499);
        assertThat(Http.json(notJson).path("error").path("message").asText()).isNotBlank();
        assertThat(notJson.body()).doesNotContain("stackTrace");

        HttpResponse<String> bareNull = server.http.send(server.http.request("/mcp")
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("null")));
        assertThat(bareNull.statusCode()).isEqualTo(400);
        assertThat(Http.json(bareNull).path("error").path("message").asText()).contains("JSON object");
    }

    private static McpSyncClient client(int port, String bearer) {
        var transport = HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port).endpoint("/mcp");
        if (bearer != null) {
            transport.requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + bearer));
        }
        return McpClient.sync(transport.build()).requestTimeout(Duration.ofSeconds(30)).build();
    }
}
