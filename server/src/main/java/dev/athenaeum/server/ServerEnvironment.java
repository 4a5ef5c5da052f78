package dev.athenaeum.server;

import dev.athenaeum.chat.ChatProvider;
import dev.athenaeum.chat.ChatSettings;
import dev.athenaeum.server.auth.AuthSettings;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The server's settings read from environment variables, as a container (the Lambda image) receives them:
 * {@code ATHENAEUM_AUTH} ({@code none} or {@code jwt}, with {@code ATHENAEUM_JWT_ISSUER}, {@code ATHENAEUM_JWT_AUDIENCE},
 * {@code ATHENAEUM_JWKS_URL}), {@code ATHENAEUM_CORS_ORIGINS} (comma-separated), {@code ATHENAEUM_CHAT_PROVIDER}
 * ({@code none}, {@code openai} or {@code ollama}; {@code openai} when a key is given), {@code ATHENAEUM_CHAT_MODEL}
 * and {@code ATHENAEUM_CHAT_BASE_URL}. No static API key: a key in a function's environment is readable by anyone
 * who can read its configuration, so deployments authenticate with JWTs.
 */
public final class ServerEnvironment {

    private ServerEnvironment() {
    }

    public static ServerConfig.Builder serverConfig(Map<String, String> env) {
        String auth = get(env, "ATHENAEUM_AUTH").orElse("none").toLowerCase(Locale.ROOT);
        AuthSettings settings = switch (auth) {
            case "none" -> AuthSettings.none();
            case "jwt" -> AuthSettings.Jwt.of(get(env, "ATHENAEUM_JWT_ISSUER").orElse(null),
                    get(env, "ATHENAEUM_JWT_AUDIENCE").orElse(null), get(env, "ATHENAEUM_JWKS_URL").orElse(null));
            default -> throw new IllegalArgumentException("ATHENAEUM_AUTH must be none or jwt, got '" + auth + "'");
        };
        List<String> origins = get(env, "ATHENAEUM_CORS_ORIGINS")
                .map(s -> Arrays.stream(s.split(",")).map(String::strip).filter(o -> !o.isEmpty()).toList())
                .orElse(List.of());
        return ServerConfig.builder().auth(settings).corsOrigins(origins);
    }

    public static ChatSettings chatSettings(Map<String, String> env, Optional<String> openAiKey) {
        ChatProvider provider = get(env, "ATHENAEUM_CHAT_PROVIDER").map(ChatProvider::parse)
                .orElse(openAiKey.isPresent() ? ChatProvider.OPENAI : ChatProvider.NONE);
        return ChatSettings.builder()
                .provider(provider)
                .model(get(env, "ATHENAEUM_CHAT_MODEL").orElse(null))
                .baseUrl(get(env, "ATHENAEUM_CHAT_BASE_URL").orElse(null))
                .apiKey(provider == ChatProvider.OPENAI ? openAiKey.orElse(null) : null)
                .build();
    }

    private static Optional<String> get(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(s -> !s.isEmpty());
    }
}
