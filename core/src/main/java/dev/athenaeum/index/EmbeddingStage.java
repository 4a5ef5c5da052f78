package dev.athenaeum.index;

import dev.athenaeum.chunking.Chunk;
import dev.athenaeum.embedding.ChunkWindows;
import dev.athenaeum.embedding.EmbeddingText;
import dev.athenaeum.embedding.Embedder;
import dev.athenaeum.progress.Cancellation;
import dev.athenaeum.progress.Futures;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Embeds the windows of every chunk that has no vectors yet, in batches, polling for cancellation between batches.
 *
 * <p>Two batches are in flight at a time: a batch ends when its slowest window does, and with only one in flight
 * every core but one would wait for it, about one window's time per batch. The next batch fills that gap.
 */
final class EmbeddingStage {

    /** Called after each batch with chunks fully embedded so far, the total to embed, and windows embedded. */
    interface Progress {
        void onBatch(int chunksDone, int chunksTotal, int windowsDone);
    }

    private static final int IN_FLIGHT = 2;

    private final Embedder embedder;
    private final ChunkWindows windowing;
    private long modelNanos;
    private int windowsEmbedded;
    private int chunksEmbedded;

    EmbeddingStage(Embedder embedder) {
        this.embedder = embedder;
        this.windowing = new ChunkWindows(embedder.tokenizer(), embedder.windowTokens());
    }

    private record Pending(PreparedFile file, int chunk, List<String> windows) {
    }

    private record Batch(List<Pending> group, List<String> texts) {
    }

    void run(List<PreparedFile> files, Cancellation cancel, ForkJoinPool pool, Progress progress) {
        List<Pending> pending = windows(files, cancel, pool);
        List<Batch> batches = batches(pending, embedder.batchSize());
        progress.onBatch(0, pending.size(), 0);
        ExecutorService callers = Executors.newFixedThreadPool(IN_FLIGHT, r -> {
            Thread t = new Thread(r, "athenaeum-embed-batch");
            t.setDaemon(true);
            return t;
        });
        List<CompletableFuture<List<float[]>>> inFlight = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            int next = 0;
            for (int done = 0; done < batches.size(); done++) {
                while (next < batches.size() && next < done + IN_FLIGHT) {
                    cancel.check();
                    List<String> texts = batches.get(next++).texts();
                    inFlight.add(CompletableFuture.supplyAsync(() -> embedder.embed(texts), callers));
                }
                List<float[]> vectors = Futures.join(inFlight.get(done));
                inFlight.set(done, null);
                Batch b = batches.get(done);
                int k = 0;
                for (Pending p : b.group()) {
                    p.file().vectors.set(p.chunk(), new ArrayList<>(vectors.subList(k, k + p.windows().size())));
                    k += p.windows().size();
                }
                windowsEmbedded += b.texts().size();
                chunksEmbedded += b.group().size();
                progress.onBatch(chunksEmbedded, pending.size(), windowsEmbedded);
            }
        } finally {
            // A cancel or failure leaves the other batch running: wait for it, so nobody closes the model under it.
            for (CompletableFuture<List<float[]>> f : inFlight) {
                if (f != null) {
                    try {
                        f.join();
                    } catch (RuntimeException ignored) {
                        // Its result is not wanted any more; the first failure is the one reported.
                    }
                }
            }
            // Time with the model at work; batches overlap, so their own durations would count twice.
            modelNanos = System.nanoTime() - t0;
            callers.shutdown();
        }
    }

    /** Every pending chunk's windows, cut in parallel: windowing tokenizes the whole corpus once more. */
    private List<Pending> windows(List<PreparedFile> files, Cancellation cancel, ForkJoinPool pool) {
        List<PreparedFile> open = files.stream().filter(f -> !f.reused()).toList();
        @SuppressWarnings("unchecked")
        List<Pending>[] perFile = new List[open.size()];
        pool.submit(() -> IntStream.range(0, open.size()).parallel().forEach(i -> {
            cancel.check();
            PreparedFile f = open.get(i);
            String description = ChunkWindows.description(f.metadata);
            List<Pending> mine = new ArrayList<>(f.chunks.size());
            for (int c = 0; c < f.chunks.size(); c++) {
                Chunk chunk = f.chunks.get(c);
                f.cleanTexts[c] = EmbeddingText.of(chunk.text());
                mine.add(new Pending(f, c, windowing.windows(f.title, description, chunk, f.cleanTexts[c])));
            }
            perFile[i] = mine;
        })).join();
        List<Pending> pending = new ArrayList<>();
        for (List<Pending> p : perFile) {
            pending.addAll(p);
        }
        return pending;
    }

    /** Whole chunks per batch, up to {@code size} windows (a chunk with more windows makes a batch of its own). */
    private static List<Batch> batches(List<Pending> pending, int size) {
        List<Batch> out = new ArrayList<>();
        int i = 0;
        while (i < pending.size()) {
            List<Pending> group = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            while (i < pending.size() && (texts.isEmpty() || texts.size() + pending.get(i).windows().size() <= size)) {
                group.add(pending.get(i));
                texts.addAll(pending.get(i).windows());
                i++;
            }
            out.add(new Batch(group, texts));
        }
        return out;
    }

    long modelNanos() {
        return modelNanos;
    }

    int windowsEmbedded() {
        return windowsEmbedded;
    }

    int chunksEmbedded() {
        return chunksEmbedded;
    }
}
