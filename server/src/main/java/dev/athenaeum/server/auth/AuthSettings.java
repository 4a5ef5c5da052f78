package dev.athenaeum.server.auth;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Who may call the API: anyone ({@link None}, for a server on the loopback interface), holders of one static key
 * ({@link ApiKey}), or bearers of a JWT signed by an identity provider ({@link Jwt}). Each mode validates itself, so
 * a server can never start with half an authentication setup.
 */
public sealed interface AuthSettings permits AuthSettings.None, AuthSettings.ApiKey, AuthSettings.Jwt {

    /** The mode's name as the command line and the docs spell it. */
    String mode();

    static AuthSettings none() {
        return new None();
    }

    record None() implements AuthSettings {
        @Override
        public String mode() {
            return "none";
        }
    }

    /** A static key; never shown by {@link #toString()}. */
    record ApiKey(String key) implements AuthSettings {

        /** Shorter keys can be guessed online; 16 characters of a random key are well beyond that. */
        public static final int MIN_LENGTH = 16;

        public ApiKey {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("the API key is empty");
            }
            key = key.strip();
            if (key.length() < MIN_LENGTH) {
                throw new IllegalArgumentException("the API key is too short: use at least " + MIN_LENGTH
                        + " random characters, e.g. from 'openssl rand -hex 24'");
            }
            if (key.chars().anyMatch(c -> c <= ' ' || c >= 127)) {
                throw new IllegalArgumentException("the API key must be printable ASCII without spaces");
            }
        }

        @Override
        public String mode() {
            return "api-key";
        }

        @Override
        public String toString() {
            return "ApiKey[key=(hidden)]";
        }
    }

    /**
     * JWT bearer tokens: RS256 or ES256 signatures checked against the keys published at {@code jwksUrl}, plus the
     * issuer, the audience and the validity period with {@code clockSkew} of tolerance.
     */
    record Jwt(String issuer, String audience, URI jwksUrl, Duration clockSkew) implements AuthSettings {

        public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
        public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

        public Jwt {
            if (issuer == null || issuer.isBlank()) {
                throw new IllegalArgumentException("JWT authentication needs the token issuer (--jwt-issuer)");
            }
            if (audience == null || audience.isBlank()) {
                throw new IllegalArgumentException("JWT authentication needs the token audience (--jwt-audience)");
            }
            Objects.requireNonNull(jwksUrl, "JWT authentication needs the JWKS URL (--jwks-url)");
            String scheme = jwksUrl.getScheme() == null ? "" : jwksUrl.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || jwksUrl.getHost() == null) {
                throw new IllegalArgumentException("the JWKS URL must be an http(s) URL, got " + jwksUrl);
            }
            if (clockSkew == null) {
                clockSkew = DEFAULT_CLOCK_SKEW;
            }
            if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
                throw new IllegalArgumentException("the clock skew must be between 0 and 5 minutes, got " + clockSkew);
            }
        }

        public static Jwt of(String issuer, String audience, String jwksUrl) {
            if (jwksUrl == null || jwksUrl.isBlank()) {
                throw new IllegalArgumentException("JWT authentication needs the JWKS URL (--jwks-url)");
            }
            URI uri;
            try {
                uri = URI.create(jwksUrl.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the JWKS URL is not a URL: " + jwksUrl);
            }
            return new Jwt(issuer, audience, uri, null);
        }

        @Override
        public String mode() {
            return "jwt";
        }
    }
}
