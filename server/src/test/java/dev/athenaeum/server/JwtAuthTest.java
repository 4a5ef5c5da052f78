package dev.athenaeum.server;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.athenaeum.server.auth.AuthSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JWT bearer authentication against keys generated here and published as a JWKS by a local HTTP server. Each
 * forgery or invalid token is refused with 401; properly signed RS256 and ES256 tokens pass.
 */
class JwtAuthTest {

    private static final String ISSUER = "https://id.example.test/";
    private static final String AUDIENCE = "athenaeum-api";

    private static RSAKey rsa;
    private static ECKey ec;
    private static HttpServer jwks;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        byte[] published = new JWKSet(java.util.List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString()
                .getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/.well-known/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, published.length);
            exchange.getResponseBody().write(published);
            exchange.close();
        });
        jwks.start();
        URI url = URI.create("http://127.0.0.1:" + jwks.getAddress().getPort() + "/.well-known/jwks.json");
        server = TestServer.start(ServerConfig.builder()
                .auth(new AuthSettings.Jwt(ISSUER, AUDIENCE, url, Duration.ofSeconds(30))), ScriptedChat.answering());
    }

    @AfterAll
    static void stop() {
        server.close();
        jwks.stop(0);
    }

    private static JWTClaimsSet.Builder validClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("reader@example.test")
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plusSeconds(300)));
    }

    private static String rs256(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").type(JOSEObjectType.JWT)
                .build(), claims);
        jwt.sign(new RSASSASigner(rsa));
        return jwt.serialize();
    }

    private static String rs256(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        return rs256(change.apply(validClaims()).build());
    }

    private static HttpResponse<String> call(String token) {
        return server.http.get("/v1/models", "Authorization", "Bearer " + token);
    }

    private static void assertRefused(String token, String reason) {
        HttpResponse<String> r = call(token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate").orElse(""))
                .startsWith("Bearer realm=\"athenaeum\", error=\"invalid_token\"");
        assertThat(Http.json(r).path("error").path("message").asText()).containsIgnoringCase(reason);
        assertThat(r.body()).doesNotContain(token);
    }

    @Test
    void acceptsAnRs256TokenFromTheIssuer() throws Exception {
        assertThat(call(rs256(b -> b)).statusCode()).isEqualTo(200);
    }

    @Test
    void acceptsAnEs256TokenFromTheIssuer() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ec-1").build(), validClaims().build());
        jwt.sign(new ECDSASigner(ec));
        assertThat(call(jwt.serialize()).statusCode()).isEqualTo(200);
    }

    @Test
    void toleratesASmallClockSkew() throws Exception {
        assertThat(call(rs256(b -> b.expirationTime(Date.from(Instant.now().minusSeconds(10))))).statusCode())
                .isEqualTo(200);
    }

    @Test
    void refusesExpiredTokens() throws Exception {
        assertRefused(rs256(b -> b.expirationTime(Date.from(Instant.now().minusSeconds(120)))), "expired");
    }

    @Test
    void refusesTokensWithoutAnExpiry() throws Exception {
        assertRefused(rs256(b -> b.expirationTime(null)), "missing required claims");
    }

    @Test
    void refusesTokensNotYetValid() throws Exception {
        assertRefused(rs256(b -> b.notBeforeTime(Date.from(Instant.now().plusSeconds(300)))), "before use time");
    }

    @Test
    void refusesAnotherIssuer() throws Exception {
        assertRefused(rs256(b -> b.issuer("https://evil.example.test/")), "iss");
    }

    @Test
    void refusesAnotherAudience() throws Exception {
        assertRefused(rs256(b -> b.audience("another-api")), "aud");
    }

    @Test
    void refusesABadSignature() throws Exception {
        RSAKey impostor = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(), validClaims().build());
        jwt.sign(new RSASSASigner(impostor));
        assertRefused(jwt.serialize(), "signature");
    }

    @Test
    void refusesATamperedPayload() throws Exception {
        String[] parts = rs256(b -> b).split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                validClaims().subject("admin").build().toString().getBytes(StandardCharsets.UTF_8));
        assertRefused(parts[0] + "." + forged + "." + parts[2], "signature");
    }

    @Test
    void refusesUnsignedTokens() {
        assertRefused(new PlainJWT(validClaims().build()).serialize(), "unsecured");
    }

    @Test
    void refusesHs256SignedWithThePublicKey() throws Exception {
        // The classic confusion attack: the RSA public key, which anyone can fetch, used as an HMAC secret.
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(), validClaims().build());
        jwt.sign(new MACSigner(rsa.toRSAPublicKey().getEncoded()));
        assertRefused(jwt.serialize(), "algorithm");
    }

    @Test
    void refusesWhatIsNotAJwt() {
        assertRefused("not-a-jwt", "not a JWT");
    }

    @Test
    void asksForATokenWhenThereIsNone() {
        HttpResponse<String> r = server.http.get("/v1/models");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"athenaeum\"");
        assertThat(server.http.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void anUnreachableKeySetIs503NotAnOpenDoor() throws Exception {
        URI nowhere = URI.create("http://127.0.0.1:9/jwks.json");
        try (TestServer cut = TestServer.start(ServerConfig.builder().auth(new AuthSettings.Jwt(ISSUER, AUDIENCE,
                nowhere, null)), ScriptedChat.answering())) {
            HttpResponse<String> r = cut.http.get("/v1/models", "Authorization", "Bearer " + rs256(b -> b));
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(Http.json(r).path("error").path("code").asText()).isEqualTo("jwks_unavailable");
        }
    }
}
