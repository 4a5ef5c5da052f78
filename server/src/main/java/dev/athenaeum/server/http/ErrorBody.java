package dev.athenaeum.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * OpenAI's error shape, {@code {"error": {"message", "type", "param", "code"}}}: clients written for OpenAI already
 * know how to show it, and every error of this API (ours, Javalin's and Jetty's) uses it.
 */
public record ErrorBody(Detail error) {

    public static ErrorBody of(String message, String type, String param, String code) {
        return new ErrorBody(new Detail(message, type, param, code));
    }

    @JsonPropertyOrder({"message", "type", "param", "code"})
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Detail(String message, String type, String param, String code) {
    }
}
