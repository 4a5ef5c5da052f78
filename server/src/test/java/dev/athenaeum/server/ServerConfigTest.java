package dev.athenaeum.server;

import dev.athenaeum.server.auth.AuthSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerConfigTest {

    private static final AuthSettings.ApiKey KEY = new AuthSettings.ApiKey("0123456789abcdef0123");

    @Test
    void defaultsToAnOpenServerOnLoopbackOnly() {
        ServerConfig c = ServerConfig.builder().build();

        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.auth()).isInstanceOf(AuthSettings.None.class);
        assertThat(c.corsOrigins()).isEmpty();
        assertThat(c.maxRequestBytes()).isEqualTo(1024 * 1024);
        assertThat(c.shutdownGrace()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void withAuthenticationTheDefaultIsEveryInterface() {
        assertThat(ServerConfig.builder().auth(KEY).build().host()).isEqualTo("0.0.0.0");
        assertThat(ServerConfig.builder().auth(KEY).host("10.0.0.5").build().host()).isEqualTo("10.0.0.5");
        assertThat(ServerConfig.builder().host("0.0.0.0").build().host()).isEqualTo("0.0.0.0");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 65536, 100_000})
    void refusesPortsOutOfRange(int port) {
        assertThatThrownBy(() -> ServerConfig.builder().port(port).build()).hasMessageContaining("between 0 and 65535");
    }

    @Test
    void acceptsTheWholePortRange() {
        assertThat(ServerConfig.builder().port(0).build().port()).isZero();
        assertThat(ServerConfig.builder().port(65535).build().port()).isEqualTo(65535);
    }

    @ParameterizedTest
    @ValueSource(strings = {"app.example.com", "https://app.example.com/", "https://app.example.com/path",
            "ftp://app.example.com", "https://user@app.example.com", "not a url"})
    void refusesCorsValuesThatAreNotOrigins(String origin) {
        assertThatThrownBy(() -> ServerConfig.builder().corsOrigins(List.of(origin)).build())
                .hasMessageContaining("origin");
    }

    @Test
    void acceptsOriginsAndTheWildcard() {
        List<String> origins = List.of("https://app.example.com", "http://localhost:3000", "*");
        assertThat(ServerConfig.builder().corsOrigins(origins).build().corsOrigins()).isEqualTo(origins);
    }

    @Test
    void refusesSillyLimits() {
        assertThatThrownBy(() -> ServerConfig.builder().maxRequestBytes(10).build()).hasMessageContaining("1 KB");
        assertThatThrownBy(() -> ServerConfig.builder().maxRequestBytes(1L << 40).build()).hasMessageContaining("64 MB");
        assertThatThrownBy(() -> ServerConfig.builder().shutdownGrace(Duration.ofHours(1)).build())
                .hasMessageContaining("grace");
        assertThatThrownBy(() -> ServerConfig.builder().host(" ").build()).hasMessageContaining("host");
    }

    @Test
    void jwtSettingsMustBeComplete() {
        assertThatThrownBy(() -> AuthSettings.Jwt.of(null, "aud", "https://id.example/jwks"))
                .hasMessageContaining("--jwt-issuer");
        assertThatThrownBy(() -> AuthSettings.Jwt.of("iss", " ", "https://id.example/jwks"))
                .hasMessageContaining("--jwt-audience");
        assertThatThrownBy(() -> AuthSettings.Jwt.of("iss", "aud", null)).hasMessageContaining("--jwks-url");
        assertThatThrownBy(() -> AuthSettings.Jwt.of("iss", "aud", "file:///etc/jwks.json")).hasMessageContaining("http(s)");
        assertThatThrownBy(() -> new AuthSettings.Jwt("iss", "aud", URI.create("https://id.example/jwks"),
                Duration.ofHours(1))).hasMessageContaining("clock skew");
        assertThat(AuthSettings.Jwt.of("iss", "aud", "https://id.example/jwks").clockSkew())
                .isEqualTo(AuthSettings.Jwt.DEFAULT_CLOCK_SKEW);
    }
}
