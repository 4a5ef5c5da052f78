package dev.athenaeum.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.athenaeum.chat.ChatException;
import dev.athenaeum.chat.ChatTurn;
import dev.athenaeum.server.http.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /v1/chat/completions} on the wire: OpenAI's shapes, the event stream, validation and provider errors. */
class ChatCompletionsTest {

    private static final String QUESTION = "{\"model\": \"gpt-4o-mini\", \"messages\": [{\"role\": \"user\", \"content\": \"How do I rotate keys?\"}]";

    private static ScriptedChat chat;
    private static TestServer server;

    @BeforeAll
    static void start() {
        chat = ScriptedChat.answering();
        server = TestServer.open(chat);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void answersWithAChatCompletionThatCitesItsSources() {
        HttpResponse<String> r = server.http.postJson("/v1/chat/completions", QUESTION + "}");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = Http.json(r);
        assertThat(body.path("id").asText()).matches("chatcmpl-[0-9a-f]{24}");
        assertThat(body.path("object").asText()).isEqualTo("chat.completion");
        assertThat(body.path("created").asLong()).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(60L));
        assertThat(body.path("model").asText()).isEqualTo(ScriptedChat.MODEL);
        JsonNode choice = body.path("choices").get(0);
        assertThat(choice.path("index").asInt()).isZero();
        assertThat(choice.path("message").path("role").asText()).isEqualTo("assistant");
        assertThat(choice.path("message").path("content").asText()).isEqualTo(ScriptedChat.text());
        assertThat(choice.path("finish_reason").asText()).isEqualTo("stop");
        JsonNode usage = body.path("usage");
        assertThat(usage.path("completion_tokens").asInt()).isEqualTo((ScriptedChat.text().length() + 3) / 4);
        assertThat(usage.path("total_tokens").asInt())
                .isEqualTo(usage.path("prompt_tokens").asInt() + usage.path("completion_tokens").asInt());
        assertThat(body.path("citations").toString()).isEqualTo(
                "[{\"number\":1,\"file\":\"guides/keys.md\",\"headings\":[\"Keys\",\"Rotating keys\"],\"startLine\":12,\"endLine\":30}]");
    }

    @Test
    void passesTheWholeConversationWithTextPartsJoined() {
        String json = """
                {"messages": [
                  {"role": "developer", "content": "Be brief."},
                  {"role": "user", "content": "What is a chunk?"},
                  {"role": "assistant", "content": null},
                  {"role": "user", "content": [{"type": "text", "text": "And how big"}, {"type": "text", "text": "is it?"}]}
                ], "temperature": 0.2, "max_tokens": 100}""";

        assertThat(server.http.postJson("/chat/completions", json).statusCode()).isEqualTo(200);

        assertThat(chat.lastConversation.get()).containsExactly(
                ChatTurn.system("Be brief."), ChatTurn.user("What is a chunk?"), ChatTurn.assistant(""),
                ChatTurn.user("And how big\nis it?"));
    }

    @Test
    void streamsChunksThenCitationsThenDone() throws IOException {
        HttpResponse<String> r = server.http.postJson("/v1/chat/completions", QUESTION + ", \"stream\": true}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<String> data = r.body().lines().filter(l -> !l.isEmpty()).toList();
        assertThat(data).allMatch(l -> l.startsWith("data: "));
        assertThat(data.getLast()).isEqualTo("data: [DONE]");
        assertThat(r.body()).endsWith("data: [DONE]\n\n");

        List<JsonNode> chunks = new ArrayList<>();
        for (String line : data.subList(0, data.size() - 1)) {
            chunks.add(Json.MAPPER.readTree(line.substring("data: ".length())));
        }
        assertThat(chunks).hasSize(ScriptedChat.PIECES.size() + 2);
        String id = chunks.getFirst().path("id").asText();
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.path("id").asText()).isEqualTo(id);
            assertThat(c.path("object").asText()).isEqualTo("chat.completion.chunk");
            assertThat(c.path("model").asText()).isEqualTo(ScriptedChat.MODEL);
        });
        assertThat(chunks.getFirst().path("choices").get(0).path("delta").toString())
                .isEqualTo("{\"role\":\"assistant\",\"content\":\"\"}");
        List<String> pieces = chunks.subList(1, chunks.size() - 1).stream()
                .map(c -> c.path("choices").get(0).path("delta").path("content").asText()).toList();
        assertThat(pieces).isEqualTo(ScriptedChat.PIECES);
        assertThat(chunks.subList(0, chunks.size() - 1))
                .allSatisfy(c -> assertThat(c.path("choices").get(0).path("finish_reason").isNull()).isTrue());
        JsonNode last = chunks.getLast();
        assertThat(last.path("choices").get(0).path("finish_reason").asText()).isEqualTo("stop");
        assertThat(last.path("choices").get(0).path("delta").toString()).isEqualTo("{}");
        assertThat(last.path("citations").get(0).path("file").asText()).isEqualTo("guides/keys.md");
        assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(c -> assertThat(c.has("citations")).isFalse());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{}",
            "{\"messages\": []}",
            "{\"messages\": \"hello\"}",
            "{\"messages\": [{\"role\": \"system\", \"content\": \"only a system prompt\"}]}",
            "{\"messages\": [{\"role\": \"user\", \"content\": \"  \"}]}",
            "{\"messages\": [{\"role\": \"tool\", \"content\": \"x\"}, {\"role\": \"user\", \"content\": \"x\"}]}",
            "{\"messages\": [{\"role\": \"USER\", \"content\": \"x\"}]}",
            "{\"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"image_url\", \"image_url\": {\"url\": \"x\"}}]}]}",
            "{\"messages\": [{\"role\": \"user\", \"content\": 42}]}",
            "{\"messages\": [{\"role\": \"user\", \"content\": \"x\"}], \"stream\": \"yes\"}",
            "{\"messages\": [{\"role\": \"user\", \"content\": \"x\"}], \"model\": 4}",
            "[{\"role\": \"user\", \"content\": \"x\"}]",
            "{\"messages\": [{\"role\": \"user\", \"content\": \"x\"}]} {}",
            "{\"messages\": [{\"role\": \"user\", \"content\": \"x\""})
    void refusesRequestsItCannotAnswerWith400(String json) {
        HttpResponse<String> r = server.http.postJson("/v1/chat/completions", json);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(Http.json(r).path("error").path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(Http.json(r).path("error").path("message").asText()).isNotBlank();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"UNREACHABLE, 503", "MODEL_NOT_FOUND, 502", "UNAUTHORIZED, 502", "RATE_LIMITED, 429", "TIMEOUT, 504",
            "FAILED, 502", "BAD_REQUEST, 400"})
    void providerFailuresMapToGatewayStatuses(ChatException.Kind kind, int status) {
        try (TestServer failing = TestServer.open(ScriptedChat.failing(kind, false))) {
            for (boolean stream : new boolean[] {false, true}) {
                HttpResponse<String> r = failing.http.postJson("/v1/chat/completions",
                        QUESTION + ", \"stream\": " + stream + "}");

                assertThat(r.statusCode()).isEqualTo(status);
                assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
                JsonNode error = Http.json(r).path("error");
                assertThat(error.path("message").asText()).isEqualTo("provider says " + kind);
                assertThat(error.path("type").asText()).isEqualTo(switch (status) {
                    case 429 -> "rate_limit_error";
                    case 400 -> "invalid_request_error";
                    default -> "upstream_error";
                });
            }
        }
    }

    @Test
    void aFailureAfterTheFirstPieceEndsTheStreamWithAnErrorEvent() {
        try (TestServer failing = TestServer.open(ScriptedChat.failing(ChatException.Kind.TIMEOUT, true))) {
            HttpResponse<String> r = failing.http.postJson("/v1/chat/completions", QUESTION + ", \"stream\": true}");

            assertThat(r.statusCode()).isEqualTo(200);
            List<String> data = r.body().lines().filter(l -> !l.isEmpty()).toList();
            assertThat(data).hasSize(4);
            assertThat(data.get(1)).contains("\"content\":\"" + ScriptedChat.PIECES.getFirst() + "\"");
            assertThat(data.get(2)).isEqualTo("data: {\"error\":{\"message\":\"provider says TIMEOUT\","
                    + "\"type\":\"upstream_error\",\"param\":null,\"code\":\"provider_timeout\"}}");
            assertThat(data.get(3)).isEqualTo("data: [DONE]");
        }
    }
}
