package dev.athenaeum.embedding;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.DimensionAwareEmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.output.TokenUsage;
import dev.athenaeum.chunking.TextTokenizer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * A sentence-transformers BERT model (mean pooling, normalised) run in-process with ONNX Runtime.
 *
 * <p>langchain4j's in-process models run one text per inference call and their bundled tokenizer stops at 128
 * word pieces. This model batches texts of similar length (little padding, far fewer native calls) and reads
 * up to the model's full window; callers window longer text themselves so nothing is silently dropped.
 */
public final class OnnxBertEmbeddingModel extends DimensionAwareEmbeddingModel implements AutoCloseable {

    private static final int MAX_BATCH_TOKENS = 4096;
    private static final int MAX_BATCH_SIZE = 64;

    private final String name;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final boolean wantsTokenTypes;
    private final WordPieceTokenizer tokenizer;
    private final ForkJoinPool pool;

    OnnxBertEmbeddingModel(String name, byte[] onnxModel, WordPieceTokenizer tokenizer, int dimension, int threads) {
        this.name = name;
        this.tokenizer = tokenizer;
        this.dimension = dimension;
        this.pool = new ForkJoinPool(threads);
        try {
            this.env = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                this.session = env.createSession(onnxModel, options);
            }
            Set<String> inputs = session.getInputNames();
            this.wantsTokenTypes = inputs.contains("token_type_ids");
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the embedding model " + name + ": " + e.getMessage(), e);
        }
    }

    static byte[] readResource(String resource) {
        try (InputStream in = OnnxBertEmbeddingModel.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("model resource not found on the class path: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String modelName() {
        return name;
    }

    public TextTokenizer tokenizer() {
        return tokenizer;
    }

    /** Longest input in tokens, without the two special tokens. */
    public int maxInputTokens() {
        return tokenizer.maxLength() - 2;
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        int n = segments.size();
        long[][] ids = new long[n][];
        long tokens = 0;
        for (int i = 0; i < n; i++) {
            ids[i] = tokenizer.idsForModel(segments.get(i).text());
            tokens += ids[i].length - 2;
        }
        // Similar lengths side by side keep padding (wasted compute) small.
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingInt(i -> ids[i].length));
        float[][] vectors = new float[n][];
        List<Integer[]> batches = new ArrayList<>();
        int from = 0;
        while (from < n) {
            int to = from;
            int longest = 0;
            while (to < n && to - from < MAX_BATCH_SIZE) {
                int len = Math.max(longest, ids[order[to]].length);
                if (to > from && len * (to - from + 1) > MAX_BATCH_TOKENS) {
                    break;
                }
                longest = len;
                to++;
            }
            batches.add(Arrays.copyOfRange(order, from, to));
            from = to;
        }
        // One single-threaded inference per core beats one multi-threaded inference at these small shapes.
        pool.submit(() -> batches.parallelStream().forEach(rows -> runBatch(ids, rows, widthOf(ids, rows), vectors)))
                .join();
        List<Embedding> out = new ArrayList<>(n);
        for (float[] v : vectors) {
            out.add(Embedding.from(v));
        }
        return Response.from(out, new TokenUsage((int) Math.min(Integer.MAX_VALUE, tokens)));
    }

    private static int widthOf(long[][] ids, Integer[] rows) {
        int w = 0;
        for (Integer r : rows) {
            w = Math.max(w, ids[r].length);
        }
        return w;
    }

    private void runBatch(long[][] ids, Integer[] rows, int width, float[][] vectors) {
        int b = rows.length;
        long[] inputIds = new long[b * width];
        long[] mask = new long[b * width];
        for (int r = 0; r < b; r++) {
            long[] row = ids[rows[r]];
            System.arraycopy(row, 0, inputIds, r * width, row.length);
            Arrays.fill(mask, r * width, r * width + row.length, 1L);
        }
        long[] shape = {b, width};
        try (OnnxTensor idsT = OnnxTensor.createTensor(env, LongBuffer.wrap(inputIds), shape);
             OnnxTensor maskT = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
             OnnxTensor typesT = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[b * width]), shape)) {
            Map<String, OnnxTensor> inputs = wantsTokenTypes
                    ? Map.of("input_ids", idsT, "attention_mask", maskT, "token_type_ids", typesT)
                    : Map.of("input_ids", idsT, "attention_mask", maskT);
            try (OrtSession.Result result = session.run(inputs)) {
                FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
                for (int r = 0; r < b; r++) {
                    vectors[rows[r]] = meanPoolNormalised(hidden, r, width, ids[rows[r]].length);
                }
            }
        } catch (OrtException e) {
            throw new IllegalStateException("embedding failed: " + e.getMessage(), e);
        }
    }

    private float[] meanPoolNormalised(FloatBuffer hidden, int row, int width, int length) {
        int dim = dimension;
        float[] v = new float[dim];
        int base = row * width * dim;
        for (int t = 0; t < length; t++) {
            int off = base + t * dim;
            for (int d = 0; d < dim; d++) {
                v[d] += hidden.get(off + d);
            }
        }
        double norm = 0;
        for (int d = 0; d < dim; d++) {
            v[d] /= length;
            norm += v[d] * v[d];
        }
        float inv = (float) (1.0 / Math.max(Math.sqrt(norm), 1e-12));
        for (int d = 0; d < dim; d++) {
            v[d] *= inv;
        }
        return v;
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            session.close();
        } catch (OrtException e) {
            // Closing a session only frees native memory; nothing to recover.
        }
        tokenizer.close();
    }
}
