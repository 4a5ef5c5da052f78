package dev.athenaeum.chat;

import dev.athenaeum.provider.ProviderFailure;
import dev.athenaeum.provider.ProviderFailures;

import java.time.Duration;

/**
 * Turns a provider client's exception into a {@link ChatException} whose one line says what to do. The key is
 * never part of it, even when a server echoes it back.
 */
final class ChatFailures {

    private final ChatSettings settings;

    ChatFailures(ChatSettings settings) {
        this.settings = settings;
    }

    ChatException explain(Throwable e) {
        if (e instanceof ChatException c) {
            return c;
        }
        ProviderFailure failure = ProviderFailures.classify(e);
        String message = ProviderFailures.redact(message(failure, e), settings.apiKey());
        return new ChatException(kind(failure), message, e);
    }

    private String message(ProviderFailure failure, Throwable e) {
        boolean ollama = settings.provider() == ChatProvider.OLLAMA;
        String model = settings.model();
        return switch (failure) {
            case UNREACHABLE -> ollama
                    ? "Ollama is not running at " + settings.baseUrl() + ": start it with `ollama serve`"
                    : "cannot reach " + (settings.baseUrl() == null ? "api.openai.com" : settings.baseUrl())
                    + ": check the network" + (settings.baseUrl() == null ? "" : " and the base URL");
            case MODEL_NOT_FOUND -> ollama
                    ? "Ollama has no model '" + model + "': run `ollama pull " + model + "`"
                    : where() + " has no model '" + model + "' (or this key may not use it): check the model name";
            case UNAUTHORIZED -> where() + " rejected the API key (" + Math.max(401, ProviderFailures.status(e))
                    + "): check OPENAI_API_KEY";
            case RATE_LIMITED -> where() + " is rate-limiting requests (429): wait a minute and ask again";
            case TIMEOUT -> timeoutMessage();
            case BAD_REQUEST -> where() + " refused the request: " + ProviderFailures.detail(e);
            case FAILED -> where() + " failed: " + ProviderFailures.detail(e);
        };
    }

    /** The service a message is about, by the name the user configured it with. */
    String where() {
        return switch (settings.provider()) {
            case OLLAMA -> "Ollama at " + settings.baseUrl();
            case OPENAI -> settings.baseUrl() == null ? "OpenAI" : "OpenAI at " + settings.baseUrl();
            case NONE -> "the model";
        };
    }

    ChatException rateLimitedAfter(int attempts, Throwable cause) {
        return new ChatException(ChatException.Kind.RATE_LIMITED, where() + " is rate-limiting requests (429), "
                + attempts + " attempts in a row: wait a minute and ask again", cause);
    }

    ChatException rateLimitedFor(Duration wait, Throwable cause) {
        return new ChatException(ChatException.Kind.RATE_LIMITED, where() + " is rate-limiting requests (429) and asks"
                + " to wait " + (wait.toMillis() + 999) / 1000 + " s: ask again then", cause);
    }

    /** The model went quiet for longer than the timeout. */
    ChatException timeout() {
        return new ChatException(ChatException.Kind.TIMEOUT, timeoutMessage());
    }

    private String timeoutMessage() {
        long millis = settings.timeout().toMillis();
        String seconds = millis % 1000 == 0 ? String.valueOf(millis / 1000) : String.valueOf(millis / 1000.0);
        return where() + " did not answer within " + seconds + " s" + (settings.provider() == ChatProvider.OLLAMA
                ? ": the model may still be loading, or be too large for this machine" : "");
    }

    private static ChatException.Kind kind(ProviderFailure failure) {
        return switch (failure) {
            case UNREACHABLE -> ChatException.Kind.UNREACHABLE;
            case MODEL_NOT_FOUND -> ChatException.Kind.MODEL_NOT_FOUND;
            case UNAUTHORIZED -> ChatException.Kind.UNAUTHORIZED;
            case RATE_LIMITED -> ChatException.Kind.RATE_LIMITED;
            case TIMEOUT -> ChatException.Kind.TIMEOUT;
            case BAD_REQUEST -> ChatException.Kind.BAD_REQUEST;
            case FAILED -> ChatException.Kind.FAILED;
        };
    }
}
