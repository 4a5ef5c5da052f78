package dev.athenaeum.embedding;

import java.time.Duration;

/**
 * Where remote embedding models live and how to reach them. Keys are held only in memory and never written to an
 * index, a log or an error message.
 */
public record EmbeddingOptions(String ollamaBaseUrl, String openAiBaseUrl, String openAiApiKey, Duration timeout, int threads) {

    public static final String DEFAULT_OLLAMA_URL = "http://localhost:11434";

    public EmbeddingOptions {
        if (ollamaBaseUrl == null || ollamaBaseUrl.isBlank()) {
            ollamaBaseUrl = DEFAULT_OLLAMA_URL;
        }
        if (timeout == null) {
            timeout = Duration.ofSeconds(120);
        }
        if (threads < 1) {
            threads = Runtime.getRuntime().availableProcessors();
        }
    }

    /** Defaults, with the Ollama URL and OpenAI key taken from {@code OLLAMA_BASE_URL}/{@code OLLAMA_HOST} and {@code OPENAI_API_KEY}. */
    public static EmbeddingOptions fromEnvironment() {
        String ollama = System.getenv("OLLAMA_BASE_URL");
        if (ollama == null && System.getenv("OLLAMA_HOST") != null) {
            String host = System.getenv("OLLAMA_HOST");
            ollama = host.startsWith("http") ? host : "http://" + host;
        }
        return new EmbeddingOptions(ollama, System.getenv("OPENAI_BASE_URL"), System.getenv("OPENAI_API_KEY"), null, 0);
    }

    public EmbeddingOptions withThreads(int n) {
        return new EmbeddingOptions(ollamaBaseUrl, openAiBaseUrl, openAiApiKey, timeout, n);
    }

    @Override
    public String toString() {
        // Never print the key.
        return "EmbeddingOptions[ollama=" + ollamaBaseUrl + ", openAi=" + (openAiBaseUrl == null ? "default" : openAiBaseUrl)
                + ", key=" + (openAiApiKey == null ? "unset" : "set") + "]";
    }
}
