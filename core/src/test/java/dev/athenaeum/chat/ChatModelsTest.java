package dev.athenaeum.chat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ChatModelsTest {

    private static final String KEY = "sk-list-models-0a1b2c3d";

    private FakeChatServer server;

    @BeforeEach
    void start() throws IOException {
        server = new FakeChatServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void ollamaListsItsPulledModelsSorted() {
        server.models("qwen2.5:7b", "llama3.1:8b");

        assertThat(ChatModels.list(ChatSettings.builder().provider(ChatProvider.OLLAMA).baseUrl(server.ollamaUrl()).build()))
                .containsExactly("llama3.1:8b", "qwen2.5:7b");
        assertThat(server.requests("/api/tags")).extracting(FakeChatServer.Request::method).containsExactly("GET");
    }

    @Test
    void openAiListsTheModelsTheKeyMayUse() {
        server.models("gpt-4o-mini", "gpt-4o").requireKey(KEY);

        assertThat(ChatModels.list(ChatSettings.builder().provider(ChatProvider.OPENAI).apiKey(KEY)
                .baseUrl(server.openAiUrl()).build())).containsExactly("gpt-4o", "gpt-4o-mini");
        assertThat(server.requests("/v1/models").get(0).authorization()).isEqualTo("Bearer " + KEY);
    }

    @Test
    void listingFailuresAreExplainedLikeAnswers() throws IOException {
        server.requireKey("sk-another");
        ChatException wrongKey = catchThrowableOfType(ChatException.class, () -> ChatModels.list(ChatSettings.builder()
                .provider(ChatProvider.OPENAI).apiKey(KEY).baseUrl(server.openAiUrl()).build()));
        assertThat(wrongKey.kind()).isEqualTo(ChatException.Kind.UNAUTHORIZED);
        assertThat(wrongKey.getMessage()).doesNotContain(KEY);

        String url;
        try (ServerSocket s = new ServerSocket(0)) {
            url = "http://127.0.0.1:" + s.getLocalPort();
        }
        String dead = url;
        ChatException down = catchThrowableOfType(ChatException.class, () -> ChatModels.list(ChatSettings.builder()
                .provider(ChatProvider.OLLAMA).baseUrl(dead).build()));
        assertThat(down.kind()).isEqualTo(ChatException.Kind.UNREACHABLE);
        assertThat(down.getMessage()).isEqualTo("Ollama is not running at " + url + ": start it with `ollama serve`");
    }

    @Test
    void retrievalOnlyHasNoModels() {
        assertThat(ChatModels.list(ChatSettings.retrievalOnly())).isEmpty();
        assertThat(ChatModels.backend(ChatSettings.retrievalOnly())).isNull();
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDateAndUsedOnce() {
        Instant now = Instant.parse("2025-03-01T10:00:00Z");
        RetryAfterHint hint = new RetryAfterHint(Clock.fixed(now, ZoneOffset.UTC));

        hint.record("7");
        assertThat(hint.take()).contains(Duration.ofSeconds(7));
        assertThat(hint.take()).isEmpty();

        hint.record("Sat, 01 Mar 2025 10:00:20 GMT");
        assertThat(hint.take()).contains(Duration.ofSeconds(20));

        hint.record("Sat, 01 Mar 2025 09:00:00 GMT");
        assertThat(hint.take()).contains(Duration.ZERO);

        hint.record("soon");
        hint.record("");
        assertThat(hint.take()).isEmpty();
    }
}
