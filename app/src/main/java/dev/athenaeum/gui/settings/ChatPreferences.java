package dev.athenaeum.gui.settings;

import dev.athenaeum.chat.ChatProvider;
import dev.athenaeum.chat.ChatSettings;

import java.net.URI;

/**
 * The chat defaults a person chose: provider, where Ollama and OpenAI (or a compatible service) live, and the model.
 * No key: keys live in a {@link KeyStore}.
 */
public record ChatPreferences(ChatProvider provider, String ollamaUrl, String openAiUrl, String model) {

    public static final ChatPreferences DEFAULT = new ChatPreferences(ChatProvider.NONE, ChatSettings.DEFAULT_OLLAMA_URL,
            "", "");

    public ChatPreferences {
        provider = provider == null ? ChatProvider.NONE : provider;
        ollamaUrl = url(ollamaUrl == null || ollamaUrl.isBlank() ? ChatSettings.DEFAULT_OLLAMA_URL : ollamaUrl.strip());
        openAiUrl = openAiUrl == null || openAiUrl.isBlank() ? "" : url(openAiUrl.strip());
        model = model == null ? "" : model.strip();
    }

    private static String url(String s) {
        URI uri;
        try {
            uri = URI.create(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: " + s);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("a base URL starts with http:// or https://, got " + s);
        }
        return s;
    }

    public ChatPreferences withProvider(ChatProvider p) {
        return new ChatPreferences(p, ollamaUrl, openAiUrl, model);
    }

    public ChatPreferences withModel(String m) {
        return new ChatPreferences(provider, ollamaUrl, openAiUrl, m);
    }

    /** The settings to answer with; {@code apiKey} only matters for OpenAI. */
    public ChatSettings settings(ChatProvider p, String chosenModel, String apiKey) {
        String base = switch (p) {
            case OLLAMA -> ollamaUrl;
            case OPENAI -> openAiUrl.isEmpty() ? null : openAiUrl;
            case NONE -> null;
        };
        return ChatSettings.builder().provider(p).model(p == ChatProvider.NONE ? null : chosenModel).baseUrl(base)
                .apiKey(p == ChatProvider.OPENAI ? apiKey : null).build();
    }
}
