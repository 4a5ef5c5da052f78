package dev.athenaeum.server.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as API Gateway HTTP APIs (payload format 2.0) and Lambda Function URLs deliver it; both use the
 * same shape. Header names are lower-cased, as API Gateway sends them; cookies arrive apart from the headers.
 *
 * @param body the decoded body bytes, empty when there is none
 */
record HttpEvent(String method, String rawPath, String rawQueryString, Map<String, String> headers,
                 List<String> cookies, byte[] body, Optional<String> sourceIp) {

    private static final ObjectMapper JSON = new ObjectMapper();

    HttpEvent {
        headers = Map.copyOf(headers);
        cookies = List.copyOf(cookies);
    }

    static HttpEvent parse(byte[] payload) throws UnsupportedEventException {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (IOException e) {
            throw new UnsupportedEventException("the event is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new UnsupportedEventException("the event is not a JSON object");
        }
        String version = text(root, "version").orElse("2.0");
        JsonNode http = root.path("requestContext").path("http");
        if (!version.equals("2.0") || !http.isObject()) {
            throw new UnsupportedEventException("only HTTP events of payload format 2.0 are served (API Gateway HTTP API"
                    + " with payloadFormatVersion 2.0, or a Lambda Function URL); this event has version " + version);
        }
        String method = text(http, "method").orElseThrow(
                () -> new UnsupportedEventException("the event has no requestContext.http.method"));
        String path = text(root, "rawPath").or(() -> text(http, "path")).orElse("/");
        return new HttpEvent(method.toUpperCase(Locale.ROOT), path, text(root, "rawQueryString").orElse(""),
                headers(root.path("headers")), cookies(root.path("cookies")), body(root), text(http, "sourceIp"));
    }

    private static Map<String, String> headers(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.properties().forEach(e -> {
            if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                out.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText());
            }
        });
        return out;
    }

    private static List<String> cookies(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.forEach(c -> {
            if (c.isTextual()) {
                out.add(c.asText());
            }
        });
        return out;
    }

    private static byte[] body(JsonNode root) throws UnsupportedEventException {
        Optional<String> body = text(root, "body");
        if (body.isEmpty()) {
            return new byte[0];
        }
        if (!root.path("isBase64Encoded").asBoolean(false)) {
            return body.get().getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(body.get());
        } catch (IllegalArgumentException e) {
            throw new UnsupportedEventException("the event says isBase64Encoded but its body is not base64");
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isValueNode() || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }
}
