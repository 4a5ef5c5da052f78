package dev.athenaeum.deploy.template;

import java.net.URI;
import java.util.Objects;

/**
 * Requests must carry a JWT from this issuer for this audience, checked against the issuer's published keys.
 *
 * @param issuer   the {@code iss} claim, an https URL (API Gateway's authorizer accepts nothing else)
 * @param audience the {@code aud} claim
 * @param jwksUrl  where the signing keys are published, for the function's own check
 */
public record JwtAuth(URI issuer, String audience, URI jwksUrl) {

    public JwtAuth {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(jwksUrl, "jwksUrl");
        requireHttps("JWT issuer", issuer);
        requireHttps("JWKS URL", jwksUrl);
        if (audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("JWT authentication needs an audience (the aud claim tokens carry)");
        }
        audience = audience.strip();
    }

    public static JwtAuth of(String issuer, String audience, String jwksUrl) {
        return new JwtAuth(uri("JWT issuer", issuer), audience, uri("JWKS URL", jwksUrl));
    }

    private static URI uri(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("JWT authentication needs the " + what);
        }
        try {
            return URI.create(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + what + " is not a URL: " + value);
        }
    }

    private static void requireHttps(String what, URI uri) {
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("the " + what + " must be an https URL, not " + uri);
        }
    }
}
