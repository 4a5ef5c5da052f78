package dev.athenaeum.server.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The payload-2.0 proxy response: a JSON document for a buffered answer, or, for response streaming, the JSON
 * prelude that precedes the body ({@code application/vnd.awslambda.http-integration-response}).
 */
final class ProxyResponses {

    /** Ends the prelude of a streamed HTTP response; JSON never contains a NUL byte, so it cannot occur earlier. */
    static final byte[] PRELUDE_END = new byte[8];
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProxyResponses() {
    }

    static byte[] buffered(int status, HttpHeaders headers, byte[] body) {
        ObjectNode json = metadata(status, headers);
        boolean text = BodyEncoding.isText(headers.firstValue("content-type"),
                headers.firstValue("content-encoding"), body);
        json.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
        json.put("isBase64Encoded", !text);
        return bytes(json);
    }

    static byte[] prelude(int status, HttpHeaders headers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes(metadata(status, headers)));
        out.writeBytes(PRELUDE_END);
        return out.toByteArray();
    }

    /** A JSON error in the OpenAI error shape the HTTP API uses, for failures before the server answered. */
    static HttpHeaders errorHeaders() {
        return HttpHeaders.of(Map.of("content-type", List.of("application/json")), (n, v) -> true);
    }

    static byte[] errorBody(String message, String type) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("error").put("message", message).put("type", type);
        return bytes(root);
    }

    private static ObjectNode metadata(int status, HttpHeaders headers) {
        ObjectNode json = JSON.createObjectNode();
        json.put("statusCode", status);
        ObjectNode out = json.putObject("headers");
        Map<String, List<String>> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        sorted.putAll(headers.map());
        // payload 2.0 has one value per header: repeated headers are joined, as RFC 9110 allows for list headers.
        sorted.forEach((name, values) -> {
            if (HeaderRules.returnToClient(name) && !values.isEmpty()) {
                out.put(name.toLowerCase(Locale.ROOT), String.join(", ", values));
            }
        });
        // Set-Cookie cannot be joined with commas (dates contain them), hence the separate list.
        ArrayNode cookies = json.putArray("cookies");
        headers.allValues("set-cookie").forEach(cookies::add);
        return json;
    }

    private static byte[] bytes(ObjectNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
