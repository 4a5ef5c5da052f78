package dev.athenaeum.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.models.Model;
import dev.athenaeum.server.auth.AuthSettings;
import dev.athenaeum.server.http.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The official OpenAI Java SDK, pointed at the server (behind an API key, as the SDK sends it), must understand every
 * answer: the model list, a completion, a stream up to its {@code [DONE]}, and our errors.
 */
class OpenAiSdkTest {

    private static final String KEY = "sk-athenaeum-test-0123456789abcdef";

    private static TestServer server;
    private static OpenAIClient client;

    @BeforeAll
    static void start() {
        server = TestServer.start(ServerConfig.builder().auth(new AuthSettings.ApiKey(KEY)), ScriptedChat.answering());
        client = sdk(KEY);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static OpenAIClient sdk(String key) {
        return OpenAIOkHttpClient.builder().baseUrl(server.http.url("/v1")).apiKey(key).maxRetries(0).build();
    }

    private static ChatCompletionCreateParams question() {
        return ChatCompletionCreateParams.builder().model("gpt-4o-mini")
                .addSystemMessage("Answer from the knowledge base.")
                .addUserMessage("How do I rotate keys?").build();
    }

    @Test
    void listsTheChatModel() {
        List<Model> models = client.models().list().data();

        assertThat(models).singleElement().satisfies(m -> {
            m.validate();
            assertThat(m.id()).isEqualTo(ScriptedChat.MODEL);
            assertThat(m.ownedBy()).isEqualTo("athenaeum");
        });
    }

    @Test
    void parsesAPlainCompletionAndKeepsTheCitations() {
        ChatCompletion completion = client.chat().completions().create(question());

        completion.validate();
        assertThat(completion.model()).isEqualTo(ScriptedChat.MODEL);
        assertThat(completion.choices()).singleElement().satisfies(choice -> {
            assertThat(choice.message().content()).hasValue(ScriptedChat.text());
            assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        });
        assertThat(completion.usage()).hasValueSatisfying(u -> assertThat(u.totalTokens()).isPositive());
        JsonValue citations = completion._allProperties().get("citations");
        assertThat(citations).isNotNull();
        List<Map<String, Object>> list = citations.convert(new com.fasterxml.jackson.core.type.TypeReference<>() { });
        assertThat(list).singleElement().satisfies(c -> {
            assertThat(c).containsEntry("number", 1).containsEntry("file", "guides/keys.md");
            assertThat(c).containsEntry("startLine", 12).containsEntry("endLine", 30);
        });
    }

    @Test
    void rawJsonCarriesCitations() throws Exception {
        HttpResponseFor<ChatCompletion> raw = client.chat().completions().withRawResponse().create(question());

        assertThat(raw.statusCode()).isEqualTo(200);
        try (InputStream body = raw.body()) {
            JsonNode json = Json.MAPPER.readTree(body);
            assertThat(json.path("citations").get(0).path("headings").toString()).isEqualTo("[\"Keys\",\"Rotating keys\"]");
        }
    }

    @Test
    void streamsDeltasUntilDone() {
        List<String> deltas = new ArrayList<>();
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(question())) {
            // The SDK stops at "data: [DONE]"; any other last event would have to parse as a chunk.
            stream.stream().forEach(chunk -> {
                chunk.validate();
                chunks.add(chunk);
                chunk.choices().forEach(c -> c.delta().content().ifPresent(deltas::add));
            });
        }

        assertThat(String.join("", deltas)).isEqualTo(ScriptedChat.text());
        assertThat(chunks.getFirst().choices().getFirst().delta().role())
                .hasValue(ChatCompletionChunk.Choice.Delta.Role.ASSISTANT);
        ChatCompletionChunk last = chunks.getLast();
        assertThat(last.choices().getFirst().finishReason()).hasValue(ChatCompletionChunk.Choice.FinishReason.STOP);
        assertThat(last._allProperties()).containsKey("citations");
    }

    @Test
    void aWrongKeyIsTheSdksUnauthorizedError() {
        OpenAIClient wrong = sdk("sk-wrong-key-0123456789abcdef");
        try {
            assertThatThrownBy(() -> wrong.models().list())
                    .isInstanceOfSatisfying(UnauthorizedException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(401);
                        assertThat(e.type()).hasValue("authentication_error");
                        assertThat(e.getMessage()).contains("the API key is not valid");
                    });
        } finally {
            wrong.close();
        }
    }
}
