package dev.athenaeum.server.auth;

import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Accepts requests carrying the configured key as {@code Authorization: Bearer KEY} (what OpenAI clients send) or
 * {@code x-api-key: KEY}. Keys are compared as SHA-256 digests with {@link MessageDigest#isEqual}: constant time, and
 * the digests' equal length hides the key's length too.
 */
final class ApiKeyAuthenticator implements Authenticator {

    private final byte[] expected;

    ApiKeyAuthenticator(AuthSettings.ApiKey settings) {
        this.expected = sha256(settings.key());
    }

    @Override
    public void authenticate(Context ctx) {
        String given = Authenticator.bearerToken(ctx);
        if (given == null) {
            given = ctx.header("x-api-key");
        }
        if (given == null || given.isBlank()) {
            throw Authenticator.unauthorized(null,
                    "an API key is required: send 'Authorization: Bearer KEY' or 'x-api-key: KEY'");
        }
        if (!MessageDigest.isEqual(expected, sha256(given.strip()))) {
            throw Authenticator.unauthorized("invalid_token", "the API key is not valid");
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
