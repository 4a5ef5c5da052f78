package dev.athenaeum.server.http;

import java.util.Map;

/**
 * A failure the client should see, with the status and the OpenAI-style {@code type} and {@code code} it is
 * reported under. Its message is shown to the client, so it must never contain a key, a token or a stack trace.
 */
public final class ApiError extends RuntimeException {

    public static final String INVALID_REQUEST = "invalid_request_error";
    public static final String AUTHENTICATION = "authentication_error";
    public static final String PERMISSION = "permission_error";
    public static final String RATE_LIMIT = "rate_limit_error";
    public static final String UPSTREAM = "upstream_error";
    public static final String SERVER = "server_error";

    private final int status;
    private final String type;
    private final String code;
    private final String param;
    private final Map<String, String> headers;

    public ApiError(int status, String type, String code, String param, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
        this.headers = Map.copyOf(headers);
    }

    public ApiError(int status, String type, String code, String message) {
        this(status, type, code, null, message, Map.of());
    }

    /** 400 for a request whose field {@code param} (may be null) is missing or invalid. */
    public static ApiError badRequest(String param, String message) {
        return new ApiError(400, INVALID_REQUEST, param == null ? "invalid_request" : "invalid_value", param, message,
                Map.of());
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String code() {
        return code;
    }

    public String param() {
        return param;
    }

    /** Headers the response must carry, e.g. {@code WWW-Authenticate} or {@code Allow}. */
    public Map<String, String> headers() {
        return headers;
    }

    public ErrorBody body() {
        return ErrorBody.of(getMessage(), type, param, code);
    }
}
