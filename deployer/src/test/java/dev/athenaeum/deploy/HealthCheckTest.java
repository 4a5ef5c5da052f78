package dev.athenaeum.deploy;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The health check against a small HTTP server standing in for the deployed service. */
class HealthCheckTest {

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void asksHealthThenSearchWithAJsonQuery() throws Exception {
        URI base = serve(200, 200);
        StepOutcome outcome = HealthCheck.standard().check(Optional.of(base), false);

        assertThat(outcome.status()).isEqualTo(StepOutcome.Status.DONE);
        assertThat(requests).containsExactly("GET /health ", "POST /search {\"query\":\"health check\",\"top_k\":1}");
    }

    @Test
    void withJwtOnlyHealthIsAsked() throws Exception {
        URI base = serve(200, 200);
        StepOutcome outcome = new HealthCheck(HttpClient.newHttpClient()).check(Optional.of(base), true);

        assertThat(outcome.detail()).contains("search needs a token, not tried");
        assertThat(requests).containsExactly("GET /health ");
    }

    @Test
    void aFailingSearchIsAnErrorNamingTheStatus() throws Exception {
        URI base = serve(200, 503);
        assertThatThrownBy(() -> HealthCheck.standard().check(Optional.of(base), false))
                .isInstanceOf(DeploymentException.class)
                .hasMessageStartingWith("the deployed service answered POST /search with HTTP 503");
    }

    @Test
    void noUrlIsSkippedNotPassed() throws Exception {
        StepOutcome outcome = HealthCheck.standard().check(Optional.empty(), false);
        assertThat(outcome.status()).isEqualTo(StepOutcome.Status.SKIPPED);
        assertThat(outcome).hasToString("check the deployed service: skipped (the stack reports no URL to call)");
    }

    private URI serve(int health, int search) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " " + body);
            int status = exchange.getRequestURI().getPath().equals("/health") ? health : search;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        // Without a trailing slash, as CloudFormation gives an HTTP API's URL.
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }
}
