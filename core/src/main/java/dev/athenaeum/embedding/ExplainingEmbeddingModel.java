package dev.athenaeum.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.util.List;
import java.util.Locale;

/** Passes calls to a remote model and turns its failures into one actionable sentence. */
final class ExplainingEmbeddingModel implements EmbeddingModel {

    private final EmbeddingModel delegate;
    private final String name;
    private final EmbeddingOptions options;

    ExplainingEmbeddingModel(EmbeddingModel delegate, String name, EmbeddingOptions options) {
        this.delegate = delegate;
        this.name = name;
        this.options = options;
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        try {
            return delegate.embedAll(segments);
        } catch (RuntimeException e) {
            throw new EmbeddingFailedException(explain(e), e);
        }
    }

    @Override
    public String modelName() {
        return name;
    }

    String explain(Throwable e) {
        boolean ollama = name.startsWith("ollama:");
        String model = name.substring(name.indexOf(':') + 1);
        String where = ollama ? "Ollama at " + options.ollamaBaseUrl() : "OpenAI";
        if (hasCause(e, ConnectException.class) || hasCause(e, HttpConnectTimeoutException.class)
                || hasCause(e, UnknownHostException.class)) {
            return ollama
                    ? "cannot reach Ollama at " + options.ollamaBaseUrl() + ": is it running? Start it with 'ollama serve'"
                    : "cannot reach " + (options.openAiBaseUrl() == null ? "api.openai.com" : options.openAiBaseUrl()) + ": check the network or the base URL";
        }
        if (e instanceof ModelNotFoundException || (status(e) == 404)
                || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("not found")) {
            return ollama
                    ? "Ollama has no model '" + model + "': run 'ollama pull " + model + "'"
                    : "OpenAI has no embedding model '" + model + "'";
        }
        if (e instanceof AuthenticationException || status(e) == 401 || status(e) == 403) {
            return where + " rejected the API key (HTTP " + Math.max(401, status(e)) + "): check OPENAI_API_KEY";
        }
        if (e instanceof RateLimitException || status(e) == 429) {
            return where + " is rate-limiting requests (HTTP 429) even after retries: wait a minute and run again";
        }
        if (e instanceof TimeoutException || hasCause(e, java.net.http.HttpTimeoutException.class)) {
            return where + " did not answer within " + options.timeout().toSeconds() + " s";
        }
        return "embedding with " + name + " failed: " + firstLine(e.getMessage());
    }

    private static int status(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException h) {
                return h.statusCode();
            }
        }
        return -1;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "no details";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
