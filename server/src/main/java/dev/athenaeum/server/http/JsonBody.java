package dev.athenaeum.server.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

import java.util.Locale;

/**
 * A request's JSON object, read within the size limit, with typed accessors that answer 400 naming the field.
 * Handlers check fields by hand instead of binding to classes: a wrong type then says which field is wrong and
 * never surfaces as a 500 from deep inside a mapper.
 */
public final class JsonBody {

    private final ObjectNode node;

    private JsonBody(ObjectNode node) {
        this.node = node;
    }

    /** Reads the body: 415 unless it is JSON, 413 over {@code maxBytes}, 400 unless it is one JSON object. */
    public static JsonBody read(Context ctx, long maxBytes) {
        if (!isJson(ctx.contentType())) {
            throw new ApiError(415, ApiError.INVALID_REQUEST, "unsupported_media_type",
                    "send the body as JSON with 'Content-Type: application/json'");
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        // Javalin stops reading at its configured limit (the same number) and answers 413 itself.
        byte[] bytes = ctx.bodyAsBytes();
        JsonNode parsed;
        try {
            parsed = Json.MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            throw ApiError.badRequest(null, "the body is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ApiError.badRequest(null, "the body could not be read");
        }
        if (!(parsed instanceof ObjectNode object)) {
            throw ApiError.badRequest(null, "the body must be a JSON object");
        }
        return new JsonBody(object);
    }

    /** {@code application/json} with any parameters ({@code charset=utf-8}), or a {@code +json} type. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.startsWith("application/") && type.endsWith("+json");
    }

    public static ApiError tooLarge(long maxBytes) {
        return new ApiError(413, ApiError.INVALID_REQUEST, "request_too_large",
                "the request body is larger than the limit of " + maxBytes + " bytes");
    }

    public ObjectNode node() {
        return node;
    }

    public boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    public String requiredString(String field) {
        if (!has(field)) {
            throw ApiError.badRequest(field, "'" + field + "' is required");
        }
        return string(field);
    }

    /** The field as a string, or null when absent or JSON null. */
    public String string(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw ApiError.badRequest(field, "'" + field + "' must be a string");
        }
        return v.textValue();
    }

    /** The field as an int, or null when absent or JSON null; fractions and out-of-range numbers are refused. */
    public Integer integer(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        // JSON has one number type: 5.0 is the integer 5 (JSON Schema agrees), 5.5 is not.
        boolean integral = v.isIntegralNumber() || v.isFloatingPointNumber() && v.canConvertToExactIntegral();
        if (!integral || !v.canConvertToInt()) {
            throw ApiError.badRequest(field, "'" + field + "' must be a whole number");
        }
        return v.intValue();
    }

    public boolean bool(String field, boolean fallback) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw ApiError.badRequest(field, "'" + field + "' must be true or false");
        }
        return v.booleanValue();
    }
}
