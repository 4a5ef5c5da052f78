package dev.athenaeum.server.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * Jetty's own errors (malformed requests, oversized headers, failures outside Javalin) in the API's JSON shape
 * instead of Jetty's HTML page, which would also name the server and, in some modes, show a stack trace.
 */
public final class JsonErrorHandler extends ErrorHandler {

    public JsonErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    private static byte[] body(int code, String message) {
        // Jetty's messages describe the protocol violation ("Ambiguous URI path separator"); they hold no secrets.
        String text = message == null || message.isBlank() ? HttpStatus.getMessage(code) : message;
        String type = code >= 500 ? ApiError.SERVER : ApiError.INVALID_REQUEST;
        return Json.bytes(ErrorBody.of(text, type, null, null));
    }
}
