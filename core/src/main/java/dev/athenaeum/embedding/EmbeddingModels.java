package dev.athenaeum.embedding;

import dev.langchain4j.model.ollama.OllamaEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;

import java.util.List;
import java.util.Locale;

/**
 * Opens an embedding model by name: {@code all-minilm-l6-v2-q} (in-process, the default), {@code ollama:MODEL} or
 * {@code openai:MODEL}.
 */
public final class EmbeddingModels {

    public static final String DEFAULT = "all-minilm-l6-v2-q";
    public static final List<String> ALIASES_OF_DEFAULT = List.of("minilm", "all-minilm-l6-v2", DEFAULT);

    /** all-MiniLM-L6-v2 reads 256 word pieces; two of them are the special tokens. */
    private static final int MINILM_WINDOW = 256;
    /**
     * all-MiniLM-L6-v2 was trained on inputs of 128 word pieces, and windows filling its 256-piece limit retrieved
     * clearly worse. Windows of 192 retrieve as well as 128 in hybrid search while the model reads 15% fewer word
     * pieces in all: each window repeats the context line and the overlap with its neighbour, and a third fewer
     * windows repeat them less often (docs/benchmarks.md).
     */
    static final int MINILM_WINDOW_TOKENS = 192;
    /** Ollama models differ and do not say; 512 word pieces fit every common embedding model's context. */
    private static final int OLLAMA_MAX_TOKENS = 480;
    private static final int OPENAI_MAX_TOKENS = 8000;

    private EmbeddingModels() {
    }

    /** The canonical name for what a user typed, so manifests compare equal for aliases. */
    public static String canonical(String spec) {
        String s = spec == null || spec.isBlank() ? DEFAULT : spec.strip();
        if (ALIASES_OF_DEFAULT.contains(s.toLowerCase(Locale.ROOT))) {
            return DEFAULT;
        }
        if (s.startsWith("ollama:") || s.startsWith("openai:")) {
            if (s.indexOf(':') == s.length() - 1) {
                throw new IllegalArgumentException("missing model name after '" + s + "' (e.g. ollama:nomic-embed-text)");
            }
            return s;
        }
        throw new IllegalArgumentException("unknown embedding model '" + spec + "': use " + DEFAULT
                + ", ollama:MODEL (e.g. ollama:nomic-embed-text) or openai:MODEL (e.g. openai:text-embedding-3-small)");
    }

    public static Embedder open(String spec, EmbeddingOptions options) {
        String name = canonical(spec);
        if (name.equals(DEFAULT)) {
            return miniLm(options.threads());
        }
        if (name.startsWith("ollama:")) {
            String model = name.substring("ollama:".length());
            OllamaEmbeddingModel m = OllamaEmbeddingModel.builder()
                    .baseUrl(options.ollamaBaseUrl())
                    .modelName(model)
                    .timeout(options.timeout())
                    .maxRetries(2)
                    .build();
            WordPieceTokenizer approx = miniLmTokenizer();
            return new Embedder(name, new ExplainingEmbeddingModel(m, name, options), approx, OLLAMA_MAX_TOKENS, 32, 0, approx);
        }
        String model = name.substring("openai:".length());
        if (options.openAiApiKey() == null || options.openAiApiKey().isBlank()) {
            throw new IllegalArgumentException("no OpenAI API key: set OPENAI_API_KEY to use " + name);
        }
        OpenAiEmbeddingModel.OpenAiEmbeddingModelBuilder b = OpenAiEmbeddingModel.builder()
                .apiKey(options.openAiApiKey())
                .modelName(model)
                .timeout(options.timeout())
                .maxRetries(3);
        if (options.openAiBaseUrl() != null && !options.openAiBaseUrl().isBlank()) {
            b.baseUrl(options.openAiBaseUrl());
        }
        return new Embedder(name, new ExplainingEmbeddingModel(b.build(), name, options), new BytePairTokenizer(),
                OPENAI_MAX_TOKENS, 64, 0, null);
    }

    private static WordPieceTokenizer miniLmTokenizer() {
        return WordPieceTokenizer.fromClasspath("all-minilm-l6-v2-q-tokenizer.json", MINILM_WINDOW);
    }

    private static Embedder miniLm(int threads) {
        OnnxLibraryCache.install();
        WordPieceTokenizer tokenizer = miniLmTokenizer();
        OnnxBertEmbeddingModel model = new OnnxBertEmbeddingModel(DEFAULT,
                OnnxBertEmbeddingModel.readResource("all-minilm-l6-v2-q.onnx"), tokenizer, 384, threads);
        // Batches of 64 keep both cores busy while progress and cancellation stay responsive.
        return new Embedder(DEFAULT, model, tokenizer, MINILM_WINDOW_TOKENS, 64, 384, model);
    }
}
