package dev.athenaeum.embedding;

import dev.athenaeum.provider.ProviderFailures;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;

import java.util.List;

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
        return switch (ProviderFailures.classify(e)) {
            case UNREACHABLE -> ollama
                    ? "cannot reach Ollama at " + options.ollamaBaseUrl() + ": is it running? Start it with 'ollama serve'"
                    : "cannot reach " + (options.openAiBaseUrl() == null ? "api.openai.com" : options.openAiBaseUrl()) + ": check the network or the base URL";
            case MODEL_NOT_FOUND -> ollama
                    ? "Ollama has no model '" + model + "': run 'ollama pull " + model + "'"
                    : "OpenAI has no embedding model '" + model + "'";
            case UNAUTHORIZED -> where + " rejected the API key (HTTP " + Math.max(401, ProviderFailures.status(e)) + "): check OPENAI_API_KEY";
            case RATE_LIMITED -> where + " is rate-limiting requests (HTTP 429) even after retries: wait a minute and run again";
            case TIMEOUT -> where + " did not answer within " + options.timeout().toSeconds() + " s";
            case BAD_REQUEST, FAILED -> "embedding with " + name + " failed: "
                    + ProviderFailures.redact(ProviderFailures.firstLine(e.getMessage()), options.openAiApiKey());
        };
    }
}
