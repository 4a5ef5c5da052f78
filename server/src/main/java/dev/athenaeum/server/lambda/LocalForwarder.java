package dev.athenaeum.server.lambda;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sends each event to the HTTP server on loopback as a real HTTP request, so the server sees exactly what it sees
 * when it runs anywhere else: method, path, query, headers, cookies and body.
 */
final class LocalForwarder {

    private static final Logger log = LoggerFactory.getLogger(LocalForwarder.class);

    private final int port;
    private final HttpClient client;

    LocalForwarder(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the server reported port " + port + ", which is not a TCP port");
        }
        this.port = port;
        // HTTP/1.1 only: an h2c upgrade attempt would only add a round trip on loopback.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    int port() {
        return port;
    }

    /** The request to the local server; throws IllegalArgumentException when the event's path is not a valid URI. */
    HttpRequest toRequest(HttpEvent event, Duration timeout) {
        String target = event.rawPath().startsWith("/") ? event.rawPath() : "/" + event.rawPath();
        String query = event.rawQueryString().isEmpty() ? "" : "?" + event.rawQueryString();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target + query))
                .timeout(timeout)
                .method(event.method(), event.body().length == 0 && !hasBody(event.method())
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(event.body()));
        // Payload 2.0 moves the Cookie header into the cookies list; a hand-written event may still carry the header.
        boolean cookieList = !event.cookies().isEmpty();
        event.headers().forEach((name, value) -> {
            if (HeaderRules.forwardToServer(name) && !(cookieList && name.equals("cookie"))) {
                header(b, name, value);
            }
        });
        if (cookieList) {
            header(b, "cookie", String.join("; ", event.cookies()));
        }
        // API Gateway and Function URLs already add x-forwarded-for; a test console's event may not.
        if (!event.headers().containsKey("x-forwarded-for")) {
            event.sourceIp().ifPresent(ip -> header(b, "x-forwarded-for", ip));
        }
        String host = event.headers().get("host");
        if (host != null && !event.headers().containsKey("x-forwarded-host")) {
            header(b, "x-forwarded-host", host);
        }
        return b.build();
    }

    HttpResponse<InputStream> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    /** Waits for {@code GET /health} to answer 200, so the first invocation never meets a server still starting. */
    void awaitHealthy(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                int status = client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return;
                }
                last = "HTTP " + status;
            } catch (IOException e) {
                last = e.getClass().getSimpleName();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the server on 127.0.0.1:" + port + " did not answer GET /health with 200 within "
                + limit.toSeconds() + " s (last: " + last + ")");
    }

    private static boolean hasBody(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }

    private static void header(HttpRequest.Builder b, String name, String value) {
        try {
            b.header(name, value);
        } catch (IllegalArgumentException e) {
            // A name or value the JDK refuses (control characters): dropping it beats failing the request.
            log.debug("dropped request header {}: {}", name, e.getMessage());
        }
    }
}
