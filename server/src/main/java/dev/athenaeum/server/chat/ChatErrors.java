package dev.athenaeum.server.chat;

import dev.athenaeum.chat.ChatException;
import dev.athenaeum.server.http.ApiError;

/**
 * Provider failures as HTTP statuses. The model provider sits behind this server, so its failures are gateway
 * errors (502/503/504), never 401: a rejected provider key is the operator's problem, not the client's. Its
 * throttling is passed on as 429 so clients back off.
 */
final class ChatErrors {

    private ChatErrors() {
    }

    static ApiError of(ChatException e) {
        String message = e.getMessage() == null ? "the model provider failed" : e.getMessage();
        return switch (e.kind()) {
            case UNREACHABLE -> new ApiError(503, ApiError.UPSTREAM, "provider_unreachable", message);
            case MODEL_NOT_FOUND -> new ApiError(502, ApiError.UPSTREAM, "model_not_found", message);
            case UNAUTHORIZED -> new ApiError(502, ApiError.UPSTREAM, "provider_unauthorized", message);
            case RATE_LIMITED -> new ApiError(429, ApiError.RATE_LIMIT, "rate_limit_exceeded", message);
            case TIMEOUT -> new ApiError(504, ApiError.UPSTREAM, "provider_timeout", message);
            case BAD_REQUEST -> new ApiError(400, ApiError.INVALID_REQUEST, "invalid_request", message);
            case FAILED -> new ApiError(502, ApiError.UPSTREAM, "provider_failed", message);
        };
    }
}
