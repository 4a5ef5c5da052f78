package dev.athenaeum.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Asks the deployed service whether it answers: {@code GET /health}, then one {@code POST /search}. The first
 * request may wait for a cold start (the function loads the model and the index), hence the generous timeout.
 */
public final class HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;

    public HealthCheck(HttpClient http) {
        this.http = http;
    }

    public static HealthCheck standard() {
        return new HealthCheck(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
    }

    /**
     * @param base         the service's URL; empty when the stack reports none (an emulator gives none)
     * @param needsToken   with JWT on, search needs a token the deployer does not have, so only health is asked
     */
    public StepOutcome check(Optional<URI> base, boolean needsToken) throws InterruptedException {
        if (base.isEmpty()) {
            return StepOutcome.skipped(DeploymentStep.HEALTH, "the stack reports no URL to call");
        }
        URI root = withSlash(base.get());
        int health = send(HttpRequest.newBuilder(root.resolve("health")).timeout(TIMEOUT).GET().build());
        if (health != 200) {
            throw new DeploymentException("the deployed service answered GET /health with HTTP " + health
                    + ": see the function's log group in CloudWatch");
        }
        if (needsToken) {
            return StepOutcome.done(DeploymentStep.HEALTH, "GET /health answered 200; search needs a token, not tried");
        }
        int search = send(HttpRequest.newBuilder(root.resolve("search")).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"health check\",\"top_k\":1}")).build());
        if (search != 200) {
            throw new DeploymentException("the deployed service answered POST /search with HTTP " + search
                    + ": is the index uploaded? See the function's log group in CloudWatch");
        }
        return StepOutcome.done(DeploymentStep.HEALTH, "GET /health and POST /search answered 200");
    }

    private int send(HttpRequest request) throws InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new DeploymentException("cannot reach the deployed service at " + request.uri() + ": " + e);
        }
    }

    private static URI withSlash(URI u) {
        String s = u.toString();
        return s.endsWith("/") ? u : URI.create(s + "/");
    }
}
