package dev.athenaeum.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.athenaeum.server.http.ApiError;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.MalformedURLException;
import java.text.ParseException;
import java.util.Set;

/**
 * Verifies JWT bearer tokens with nimbus-jose-jwt: the signature against the identity provider's published keys
 * (fetched from the JWKS URL, cached and refreshed by nimbus), then issuer, audience, expiry and not-before.
 * Only RS256 and ES256 are accepted: that alone refuses unsigned ({@code alg: none}) tokens and HMAC tokens, which
 * could otherwise be forged by "signing" with the public key as an HMAC secret.
 */
final class JwtAuthenticator implements Authenticator {

    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
    private static final Logger LOG = LoggerFactory.getLogger(JwtAuthenticator.class);
    private static final int MAX_REASON = 200;

    private final ConfigurableJWTProcessor<SecurityContext> processor;
    private final AuthSettings.Jwt settings;

    JwtAuthenticator(AuthSettings.Jwt settings) {
        this.settings = settings;
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.create(settings.jwksUrl().toURL()).build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("the JWKS URL is not a URL: " + settings.jwksUrl());
        }
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
        p.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                Set.of(settings.audience()),
                new JWTClaimsSet.Builder().issuer(settings.issuer()).build(),
                Set.of("iss", "aud", "exp"),
                null);
        claims.setMaxClockSkew((int) settings.clockSkew().toSeconds());
        p.setJWTClaimsSetVerifier(claims);
        this.processor = p;
    }

    @Override
    public void authenticate(Context ctx) {
        String token = Authenticator.bearerToken(ctx);
        if (token == null) {
            throw Authenticator.unauthorized(null, "a bearer token is required: send 'Authorization: Bearer JWT'");
        }
        try {
            processor.process(token, null);
        } catch (ParseException e) {
            throw Authenticator.unauthorized("invalid_token", "the bearer token is not a JWT");
        } catch (BadJOSEException e) {
            throw Authenticator.unauthorized("invalid_token", "the token was rejected: " + reason(e));
        } catch (KeySourceException e) {
            LOG.warn("could not fetch the signing keys from {}: {}", settings.jwksUrl(), e.getMessage());
            throw new ApiError(503, ApiError.SERVER, "jwks_unavailable",
                    "the identity provider's signing keys could not be fetched; try again later");
        } catch (JOSEException e) {
            throw Authenticator.unauthorized("invalid_token", "the token could not be verified: " + reason(e));
        }
    }

    /** nimbus explains rejections in one short sentence ("Expired JWT"); it never quotes the token itself. */
    private static String reason(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        m = m.replaceAll("\\s+", " ");
        return m.length() > MAX_REASON ? m.substring(0, MAX_REASON) + "…" : m;
    }
}
