package dev.athenaeum.chat;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.catalog.ModelDescription;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaModel;
import dev.langchain4j.model.ollama.OllamaModels;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiModelCatalog;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

import java.time.Duration;
import java.util.List;

/**
 * Creates the langchain4j chat models {@link ChatSettings} describe, and lists the models a provider offers.
 * Retries are left to {@link RateLimitRetry}, which honours {@code Retry-After}; the clients' own retries would
 * repeat failures that cannot heal (a wrong key) and hide rate limits.
 */
public final class ChatModels {

    /**
     * Ollama's default context window (2,048 tokens in many versions) silently drops the start of a prompt with six
     * sources; 8,192 holds them with room for the conversation and fits the memory of an 8B model on a laptop.
     */
    static final int OLLAMA_CONTEXT_TOKENS = 8_192;
    /** Rewriting a follow-up is a short call; when it takes longer the search goes ahead without it. */
    static final Duration LONGEST_REWRITE = Duration.ofSeconds(30);

    private ChatModels() {
    }

    /** The models for {@code settings}, or null for retrieval-only settings. */
    static ChatBackend backend(ChatSettings settings) {
        RetryAfterHint hint = new RetryAfterHint();
        Duration rewriteTimeout = settings.timeout().compareTo(LONGEST_REWRITE) < 0 ? settings.timeout() : LONGEST_REWRITE;
        return switch (settings.provider()) {
            case NONE -> null;
            case OLLAMA -> new ChatBackend(
                    OllamaStreamingChatModel.builder().httpClientBuilder(http(hint)).baseUrl(settings.baseUrl())
                            .modelName(settings.model()).timeout(settings.timeout()).numCtx(OLLAMA_CONTEXT_TOKENS)
                            .temperature(0.2).build(),
                    OllamaChatModel.builder().httpClientBuilder(http(hint)).baseUrl(settings.baseUrl())
                            .modelName(settings.model()).timeout(rewriteTimeout).numCtx(OLLAMA_CONTEXT_TOKENS)
                            .maxRetries(0).build(),
                    hint);
            case OPENAI -> {
                OpenAiStreamingChatModel.OpenAiStreamingChatModelBuilder streaming = OpenAiStreamingChatModel.builder()
                        .httpClientBuilder(http(hint)).apiKey(settings.apiKey()).modelName(settings.model())
                        .timeout(settings.timeout()).temperature(0.2);
                OpenAiChatModel.OpenAiChatModelBuilder plain = OpenAiChatModel.builder().httpClientBuilder(http(hint))
                        .apiKey(settings.apiKey()).modelName(settings.model()).timeout(rewriteTimeout).maxRetries(0);
                if (settings.baseUrl() != null) {
                    streaming.baseUrl(settings.baseUrl());
                    plain.baseUrl(settings.baseUrl());
                }
                yield new ChatBackend(streaming.build(), plain.build(), hint);
            }
        };
    }

    /**
     * The names of the models the provider has: Ollama's pulled models ({@code /api/tags}), or the models the OpenAI
     * key may use ({@code /v1/models}); empty for retrieval-only settings.
     *
     * @throws ChatException when the provider cannot be asked
     */
    public static List<String> list(ChatSettings settings) {
        ChatFailures failures = new ChatFailures(settings);
        try {
            return switch (settings.provider()) {
                case NONE -> List.of();
                case OLLAMA -> OllamaModels.builder().httpClientBuilder(http(new RetryAfterHint()))
                        .baseUrl(settings.baseUrl()).timeout(settings.timeout()).maxRetries(0).build()
                        .availableModels().content().stream().map(OllamaModel::getName).sorted().toList();
                case OPENAI -> {
                    OpenAiModelCatalog.Builder b = OpenAiModelCatalog.builder().httpClientBuilder(http(new RetryAfterHint()))
                            .apiKey(settings.apiKey()).connectTimeout(settings.timeout()).readTimeout(settings.timeout());
                    if (settings.baseUrl() != null) {
                        b.baseUrl(settings.baseUrl());
                    }
                    yield b.build().listModels().stream().map(ModelDescription::name).sorted().toList();
                }
            };
        } catch (RuntimeException e) {
            throw failures.explain(e);
        }
    }

    private static HttpClientBuilder http(RetryAfterHint hint) {
        return JdkHttpClient.builder().httpClientBuilder(ChatHttpClient.builder(hint));
    }
}
