package dev.athenaeum.server.lambda;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a response body goes into the proxy response as text or base64. Binary bodies must be base64: the
 * response is JSON, and API Gateway decodes {@code isBase64Encoded} bodies back into bytes for the client.
 */
final class BodyEncoding {

    private BodyEncoding() {
    }

    static boolean isText(Optional<String> contentType, Optional<String> contentEncoding, byte[] body) {
        if (contentEncoding.isPresent() && !contentEncoding.get().equalsIgnoreCase("identity")) {
            return false;
        }
        if (contentType.isEmpty()) {
            return isUtf8(body);
        }
        String type = contentType.get().toLowerCase(Locale.ROOT);
        String mime = type.split(";", 2)[0].strip();
        return mime.startsWith("text/") || mime.endsWith("+json") || mime.endsWith("+xml")
                || mime.equals("application/json") || mime.equals("application/xml")
                || mime.equals("application/javascript") || mime.equals("application/x-ndjson")
                || mime.equals("application/x-www-form-urlencoded") || mime.equals("application/yaml")
                || type.contains("charset=");
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
