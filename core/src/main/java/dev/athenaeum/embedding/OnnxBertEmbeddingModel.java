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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * A sentence-transformers BERT model (mean pooling, normalised) run in-process with ONNX Runtime.
 *
 * <p>langchain4j's in-process models tokenize natively per call and their bundled tokenizer configuration stops at
 * 128 word pieces. This model tokenizes in Java ({@link WordPieceTokenizer}) and reads up to the model's full
 * window; callers window longer text themselves so nothing is silently dropped.
 */
public final class OnnxBertEmbeddingModel extends DimensionAwareEmbeddingModel implements AutoCloseable {

    private final String name;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final boolean wantsTokenTypes;
    private final WordPieceTokenizer tokenizer;
    private final ForkJoinPool pool;
    /** One inference per core at a time, whoever asks; fair, so no caller waits behind later ones. */
    private final Semaphore cores;
    private final AtomicBoolean closed = new AtomicBoolean();

    OnnxBertEmbeddingModel(String name, byte[] onnxModel, WordPieceTokenizer tokenizer, int dimension, int threads) {
        this.name = name;
        this.tokenizer = tokenizer;
        this.dimension = dimension;
        this.pool = new ForkJoinPool(threads);
        this.cores = new Semaphore(threads, true);
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
        if (closed.get()) {
            throw closedError();
        }
        int n = segments.size();
        long[][] ids = new long[n][];
        long tokens = 0;
        for (int i = 0; i < n; i++) {
            ids[i] = tokenizer.idsForModel(segments.get(i).text());
            tokens += ids[i].length - 2;
        }
        // One text per inference, one inference per core. Batching padded texts together made a text's vector
        // depend on its neighbours (the quantised model scales activations per batch) and was no faster for
        // window-sized inputs.
        float[][] vectors = new float[n][];
        if (n == 1) {
            // One text (a search query) runs on the caller's thread. Handed to the pool, concurrent queries were
            // served unfairly: under load a few callers were answered again and again while others waited for
            // the pool to fall idle.
            vectors[0] = inferInTurn(ids[0]);
        } else {
            // The first failure is thrown as it is (fork-join would rethrow a copy wrapped in copies) and the rest
            // of the batch is skipped.
            AtomicReference<RuntimeException> failure = new AtomicReference<>();
            try {
                pool.submit(() -> IntStream.range(0, n).parallel().forEach(i -> {
                    if (failure.get() == null) {
                        try {
                            vectors[i] = inferInTurn(ids[i]);
                        } catch (RuntimeException e) {
                            failure.compareAndSet(null, e);
                        }
                    }
                })).join();
            } catch (RejectedExecutionException e) {
                // Closed between the check above and here: its pool takes no more work.
                throw closedError();
            }
            if (failure.get() != null) {
                throw failure.get();
            }
        }
        List<Embedding> out = new ArrayList<>(n);
        for (float[] v : vectors) {
            out.add(Embedding.from(v));
        }
        return Response.from(out, new TokenUsage((int) Math.min(Integer.MAX_VALUE, tokens)));
    }

    /** One inference once a core is free, the waiting callers served in the order they came. */
    private float[] inferInTurn(long[] ids) {
        cores.acquireUninterruptibly();
        try {
            if (closed.get()) {
                throw closedError();
            }
            return run(ids);
        } finally {
            cores.release();
        }
    }

    private IllegalStateException closedError() {
        return new IllegalStateException("the embedding model " + name + " was closed");
    }

    private float[] run(long[] ids) {
        long[] shape = {1, ids.length};
        long[] mask = new long[ids.length];
        Arrays.fill(mask, 1L);
        try (OnnxTensor idsT = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
             OnnxTensor maskT = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
             OnnxTensor typesT = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[ids.length]), shape)) {
            Map<String, OnnxTensor> inputs = wantsTokenTypes
                    ? Map.of("input_ids", idsT, "attention_mask", maskT, "token_type_ids", typesT)
                    : Map.of("input_ids", idsT, "attention_mask", maskT);
            try (OrtSession.Result result = session.run(inputs)) {
                return meanPoolNormalised(((OnnxTensor) result.get(0)).getFloatBuffer(), ids.length);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("embedding failed: " + e.getMessage(), e);
        }
    }

    private float[] meanPoolNormalised(FloatBuffer hidden, int length) {
        int dim = dimension;
        float[] v = new float[dim];
        int base = 0;
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

    /**
     * Waits for the inferences under way (one per core at most) and frees the model; callers still waiting for a
     * core, and later ones, get an {@link IllegalStateException}. Freeing the native session under a running
     * inference would crash the process, which a window closed during a build must not do.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        int threads = pool.getParallelism();
        cores.acquireUninterruptibly(threads);
        try {
            pool.shutdown();
            try {
                session.close();
            } catch (OrtException e) {
                // Closing a session only frees native memory; nothing to recover.
            }
            tokenizer.close();
        } finally {
            cores.release(threads);
        }
    }
}
