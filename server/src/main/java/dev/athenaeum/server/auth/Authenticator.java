package dev.athenaeum.server.auth;

import dev.athenaeum.server.http.ApiError;
import io.javalin.http.Context;

import java.util.Map;

/** Decides whether a request may proceed; throws a 401 {@link ApiError} when it may not. */
public interface Authenticator {

    String REALM = "athenaeum";

    void authenticate(Context ctx);

    static Authenticator of(AuthSettings settings) {
        return switch (settings) {
            case AuthSettings.None none -> ctx -> { };
            case AuthSettings.ApiKey key -> new ApiKeyAuthenticator(key);
            case AuthSettings.Jwt jwt -> new JwtAuthenticator(jwt);
        };
    }

    /** The bearer token of {@code Authorization: Bearer X}, or null. */
    static String bearerToken(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null) {
            return null;
        }
        header = header.strip();
        if (header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? null : token;
    }

    /**
     * 401 with the RFC 6750 challenge. {@code error} is null when no credentials came at all, as the RFC asks; the
     * description is ours (never the token) and is kept free of quotes so the header stays well-formed.
     */
    static ApiError unauthorized(String error, String message) {
        String challenge = "Bearer realm=\"" + REALM + "\"" + (error == null ? ""
                : ", error=\"" + error + "\", error_description=\"" + message.replace('"', '\'') + "\"");
        return new ApiError(401, ApiError.AUTHENTICATION, error == null ? "missing_credentials" : error, null,
                message, Map.of("WWW-Authenticate", challenge));
    }
}
