package dev.athenaeum.index;

import dev.athenaeum.embedding.ChunkWindows;
import dev.athenaeum.embedding.Embedder;
import dev.athenaeum.progress.Cancellation;

import java.util.ArrayList;
import java.util.List;

/**
 * Embeds the windows of every chunk that has no vectors yet, in batches, polling for cancellation between batches.
 */
final class EmbeddingStage {

    /** Called after each batch with chunks fully embedded so far, the total to embed, and windows embedded. */
    interface Progress {
        void onBatch(int chunksDone, int chunksTotal, int windowsDone);
    }

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

    void run(List<PreparedFile> files, Cancellation cancel, Progress progress) {
        List<Pending> pending = new ArrayList<>();
        for (PreparedFile f : files) {
            for (int c = 0; c < f.chunks.size(); c++) {
                if (!f.reused()) {
                    pending.add(new Pending(f, c, windowing.windows(f.title, ChunkWindows.description(f.metadata), f.chunks.get(c))));
                }
            }
        }
        int total = pending.size();
        int batch = embedder.batchSize();
        int i = 0;
        progress.onBatch(0, total, 0);
        while (i < total) {
            cancel.check();
            List<Pending> group = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            while (i < total && (texts.isEmpty() || texts.size() + pending.get(i).windows().size() <= batch)) {
                group.add(pending.get(i));
                texts.addAll(pending.get(i).windows());
                i++;
            }
            long t0 = System.nanoTime();
            List<float[]> vectors = embedder.embed(texts);
            modelNanos += System.nanoTime() - t0;
            int k = 0;
            for (Pending p : group) {
                List<float[]> mine = new ArrayList<>(vectors.subList(k, k + p.windows().size()));
                k += p.windows().size();
                p.file().vectors.set(p.chunk(), mine);
            }
            windowsEmbedded += texts.size();
            chunksEmbedded += group.size();
            progress.onBatch(chunksEmbedded, total, windowsEmbedded);
        }
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
