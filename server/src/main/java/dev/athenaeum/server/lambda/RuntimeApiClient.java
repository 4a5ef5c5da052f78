package dev.athenaeum.server.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * A client of the Lambda Runtime API (version 2018-06-01), the HTTP protocol between a container and Lambda. It
 * replaces the runtime interface client because that one cannot stream a response; the protocol is four calls.
 */
public final class RuntimeApiClient {

    static final String STREAMING_CONTENT_TYPE = "application/vnd.awslambda.http-integration-response";
    private static final Logger log = LoggerFactory.getLogger(RuntimeApiClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient client;

    /** @param hostPort the value of {@code AWS_LAMBDA_RUNTIME_API} */
    public RuntimeApiClient(String hostPort) {
        this.base = URI.create("http://" + hostPort.strip() + "/2018-06-01/");
        // HTTP/1.1: the Runtime API speaks nothing else, and streaming relies on chunked transfer encoding.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    public URI base() {
        return base;
    }

    /** Blocks until Lambda hands out the next event; the environment is frozen meanwhile. */
    Invocation next() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("runtime/invocation/next")).GET().build();
        HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IOException("the Runtime API answered HTTP " + r.statusCode() + " to invocation/next");
        }
        String id = r.headers().firstValue("Lambda-Runtime-Aws-Request-Id")
                .orElseThrow(() -> new IOException("the Runtime API sent an event without Lambda-Runtime-Aws-Request-Id"));
        long deadline = r.headers().firstValueAsLong("Lambda-Runtime-Deadline-Ms").orElse(0);
        return new Invocation(id, deadline, r.body());
    }

    void respond(String requestId, byte[] json) throws IOException, InterruptedException {
        post(invocation(requestId, "response"), HttpRequest.newBuilder(invocation(requestId, "response"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)));
    }

    /**
     * Streams a response: the body has no known length, so the JDK client sends it with chunked transfer encoding,
     * each chunk as soon as the local server produced it ({@link StreamingBody}).
     */
    void respondStreaming(String requestId, byte[] prelude, InputStream body) throws IOException, InterruptedException {
        InputStream all = new SequenceInputStream(new ByteArrayInputStream(prelude), body);
        post(invocation(requestId, "response"), HttpRequest.newBuilder(invocation(requestId, "response"))
                .header("Lambda-Runtime-Function-Response-Mode", "streaming")
                .header("Content-Type", STREAMING_CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.fromPublisher(new StreamingBody(all))));
    }

    void invocationError(String requestId, String type, String message) throws IOException, InterruptedException {
        error(invocation(requestId, "error"), type, message);
    }

    void initError(String type, String message) throws IOException, InterruptedException {
        error(base.resolve("runtime/init/error"), type, message);
    }

    private void error(URI uri, String type, String message) throws IOException, InterruptedException {
        byte[] body = JSON.writeValueAsBytes(Map.of("errorType", type, "errorMessage", message));
        post(uri, HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .header("Lambda-Runtime-Function-Error-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private void post(URI uri, HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            // 413 (response too large) and 400 (malformed) end the invocation as an error on Lambda's side.
            log.warn("the Runtime API refused {}: HTTP {} {}", uri.getPath(), r.statusCode(), Messages.firstLine(r.body()));
        }
    }

    private URI invocation(String requestId, String what) {
        // The id is a UUID; anything else would change the path, so it is refused rather than sent.
        if (!requestId.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("unexpected Lambda request id: " + requestId);
        }
        return base.resolve("runtime/invocation/" + requestId + "/" + what);
    }
}
