package dev.athenaeum.chat;

import dev.athenaeum.search.SearchMode;

import java.net.URI;
import java.time.Duration;

/**
 * How answers are produced: provider, model, where the provider lives, its key, and how many passages are retrieved.
 * The key is held in memory only: {@link #toString()} never shows it.
 */
public record ChatSettings(ChatProvider provider, String model, String baseUrl, String apiKey, Duration timeout,
                           int topK, SearchMode mode) {

    public static final String RETRIEVAL_ONLY = "retrieval-only";
    public static final String DEFAULT_OLLAMA_URL = "http://localhost:11434";
    public static final String DEFAULT_OLLAMA_MODEL = "llama3.1:8b";
    public static final String DEFAULT_OPENAI_MODEL = "gpt-4o-mini";
    public static final int DEFAULT_TOP_K = 6;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    public ChatSettings {
        if (provider == null) {
            provider = ChatProvider.NONE;
        }
        if (model == null || model.isBlank()) {
            model = switch (provider) {
                case NONE -> RETRIEVAL_ONLY;
                case OLLAMA -> DEFAULT_OLLAMA_MODEL;
                case OPENAI -> DEFAULT_OPENAI_MODEL;
            };
        }
        if (baseUrl != null && baseUrl.isBlank()) {
            baseUrl = null;
        }
        if (baseUrl == null && provider == ChatProvider.OLLAMA) {
            baseUrl = DEFAULT_OLLAMA_URL;
        }
        if (baseUrl != null) {
            URI uri;
            try {
                uri = URI.create(baseUrl);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a URL: " + baseUrl);
            }
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException("the base URL must start with http:// or https://, got " + baseUrl);
            }
        }
        if (provider == ChatProvider.OPENAI && (apiKey == null || apiKey.isBlank())) {
            throw new IllegalArgumentException("OpenAI needs an API key: set OPENAI_API_KEY or give --api-key-file");
        }
        if (timeout == null) {
            timeout = DEFAULT_TIMEOUT;
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive, got " + timeout);
        }
        if (topK == 0) {
            topK = DEFAULT_TOP_K;
        }
        if (topK < 1 || topK > 50) {
            throw new IllegalArgumentException("the number of sources must be between 1 and 50, got " + topK);
        }
        if (mode == null) {
            mode = SearchMode.HYBRID;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static ChatSettings retrievalOnly() {
        return builder().build();
    }

    @Override
    public String toString() {
        return "ChatSettings[provider=" + provider.id() + ", model=" + model + ", baseUrl=" + baseUrl
                + ", key=" + (apiKey == null ? "unset" : "set") + ", timeout=" + timeout + ", topK=" + topK
                + ", mode=" + mode + "]";
    }

    public static final class Builder {
        private ChatProvider provider = ChatProvider.NONE;
        private String model;
        private String baseUrl;
        private String apiKey;
        private Duration timeout;
        private int topK;
        private SearchMode mode;

        private Builder() {
        }

        public Builder provider(ChatProvider p) {
            provider = p;
            return this;
        }

        public Builder model(String m) {
            model = m;
            return this;
        }

        public Builder baseUrl(String url) {
            baseUrl = url;
            return this;
        }

        public Builder apiKey(String key) {
            apiKey = key;
            return this;
        }

        public Builder timeout(Duration t) {
            timeout = t;
            return this;
        }

        public Builder topK(int k) {
            topK = k;
            return this;
        }

        public Builder mode(SearchMode m) {
            mode = m;
            return this;
        }

        public ChatSettings build() {
            return new ChatSettings(provider, model, baseUrl, apiKey, timeout, topK, mode);
        }
    }
}
