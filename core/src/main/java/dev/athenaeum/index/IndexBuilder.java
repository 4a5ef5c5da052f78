package dev.athenaeum.index;

import dev.athenaeum.chunking.MarkdownChunker;
import dev.athenaeum.corpus.CorpusScanner;
import dev.athenaeum.corpus.DocumentLoader;
import dev.athenaeum.corpus.ScanResult;
import dev.athenaeum.corpus.SkippedFile;
import dev.athenaeum.embedding.ChunkWindows;
import dev.athenaeum.embedding.Embedder;
import dev.athenaeum.progress.Cancellation;
import dev.athenaeum.progress.CancelledException;
import dev.athenaeum.progress.IndexProgress;
import dev.athenaeum.progress.Phase;
import dev.athenaeum.progress.PhaseClock;
import dev.athenaeum.progress.ProgressListener;
import dev.athenaeum.progress.RateMeter;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

/**
 * Builds or updates an index: scan, chunk, embed what changed, write a new generation, switch to it. The previous
 * generation stays intact until the switch, so failure or cancellation at any point loses nothing.
 */
public final class IndexBuilder {

    private static final int MAX_SEGMENTS = 8;
    private static final double MAX_DEAD_SHARE = 0.2;

    private final Embedder embedder;

    public IndexBuilder(Embedder embedder) {
        this.embedder = embedder;
    }

    public BuildReport build(BuildRequest request, ProgressListener progress, Cancellation cancel) throws IOException {
        long started = System.nanoTime();
        PhaseClock listener = new PhaseClock(progress);
        IndexDirectory dir = new IndexDirectory(request.indexDir());
        dir.checkUsable();
        try (IndexDirectory.BuildLock lock = dir.lock();
             ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors())) {
            // A killed build leaves its partial generation behind; clear it now, not only when a new generation
            // is written (an update that finds nothing changed writes none and would keep it forever).
            dir.removeLeftoverPartials();
            KnowledgeIndex previous = openPrevious(dir, request);
            try {
                return buildLocked(request, dir, previous, listener, cancel, pool, started);
            } catch (RuntimeException e) {
                if (cancel.isCancelled() && !(e instanceof CancelledException)) {
                    // Stopping can make the work under way fail (the model closed as the workbench closes): the build
                    // was cancelled, and says so, rather than reporting the failure its stopping caused.
                    throw new CancelledException();
                }
                throw e;
            } finally {
                if (previous != null) {
                    previous.close();
                }
            }
        }
    }

    private KnowledgeIndex openPrevious(IndexDirectory dir, BuildRequest request) throws IOException {
        Optional<Path> current = dir.current();
        if (current.isEmpty() || request.rebuild()) {
            return null;
        }
        KnowledgeIndex previous;
        try {
            previous = KnowledgeIndex.openGeneration(current.get());
        } catch (IndexFormatException e) {
            throw new IndexFormatException(e.getMessage() + " (rebuild it to start over)", e);
        }
        IndexManifest.Embedding used = previous.manifest().embedding();
        if (!used.model().equals(embedder.name())) {
            previous.close();
            throw new IndexFormatException("this index was built with the embedding model " + used.model()
                    + ", not " + embedder.name() + "; vectors of two models cannot be mixed: rebuild it (everything is"
                    + " embedded again with " + embedder.name() + ") or use another index folder");
        }
        return previous;
    }

    private BuildReport buildLocked(BuildRequest request, IndexDirectory dir, KnowledgeIndex previous,
                                    PhaseClock listener, Cancellation cancel, ForkJoinPool pool, long started)
            throws IOException {
        listener.onProgress(new IndexProgress(Phase.SCANNING, 0, 0, 0, 0, 0, null, null));
        ScanResult scan = new CorpusScanner(request.scan()).scan();
        cancel.check();
        int fileCount = scan.files().size();

        // Chunks and vectors carry over only if they would come out the same: same cuts, same embedding windows.
        boolean sameChunking = previous != null
                && previous.manifest().chunking().chunkSize() == request.chunking().chunkSize()
                && previous.manifest().chunking().chunkOverlap() == request.chunking().chunkOverlap()
                && previous.manifest().embedding().windowTokens() == embedder.windowTokens()
                && previous.manifest().embedding().preparation() == ChunkWindows.PREPARATION;
        Map<String, List<String>> indexNotes = new LinkedHashMap<>();
        if (sameChunking) {
            // Damage that keeps file sizes (a flipped bit) would otherwise be copied into every later generation.
            List<String> damaged = previous.verify();
            if (!damaged.isEmpty()) {
                sameChunking = false;
                indexNotes.put(dir.root().getFileName().toString(), List.of("the previous index was damaged ("
                        + String.join(", ", damaged) + " failed its checksum), so every file was embedded again"));
            }
        }
        MarkdownChunker chunker = new MarkdownChunker(request.chunking(), embedder.tokenizer());
        ChunkingStage chunking = new ChunkingStage(chunker, new DocumentLoader(request.scan().maxFileBytes()),
                sameChunking ? previous : null);
        RateMeter fileRate = new RateMeter();
        listener.onProgress(new IndexProgress(Phase.CHUNKING, 0, fileCount, fileCount, 0, 0, null, null));
        ChunkingStage.Result prepared = chunking.run(scan.files(), pool, cancel, done -> {
            long now = System.nanoTime();
            fileRate.record(now, done);
            if (done == fileCount || done % 16 == 0) {
                listener.onProgress(new IndexProgress(Phase.CHUNKING, done, fileCount, fileCount, 0,
                        fileRate.perSecond(), fileRate.eta(fileCount - done), null));
            }
        });
        List<PreparedFile> files = new ArrayList<>(prepared.files());
        files.sort(Comparator.comparing(pf -> pf.file));
        List<SkippedFile> skipped = new ArrayList<>(scan.skipped());
        skipped.addAll(prepared.skipped());
        skipped.sort(Comparator.comparing(SkippedFile::file));
        int totalChunks = files.stream().mapToInt(pf -> pf.chunks.size()).sum();
        if (totalChunks == 0) {
            throw new IllegalArgumentException("nothing to index: no readable markdown files under "
                    + request.scan().roots().stream().map(Path::toString).collect(java.util.stream.Collectors.joining(", "))
                    + skippedSummary(skipped));
        }
        int removed = removedCount(previous, files);
        Map<String, List<String>> notes = notes(files);
        notes.putAll(indexNotes);
        // Up to date only if the new manifest would say the same: same files, and the same scan and skipped files
        // (otherwise the manifest would keep stale sources, which later updates scan by, and a stale skipped list).
        if (previous != null && sameChunking && removed == 0 && files.stream().allMatch(PreparedFile::unchangedInPlace)
                && sameNames(previous, files)
                && previous.manifest().sources().equals(GenerationWriter.sources(request.scan()))
                && previous.manifest().skipped().equals(skipped)) {
            listener.onProgress(new IndexProgress(Phase.DONE, 1, 1, files.size(), totalChunks, 0, Duration.ZERO, null));
            return report(files, skipped, notes, prepared.bytesRead(), removed, null, started, true, previous.generation(),
                    listener.times());
        }

        EmbeddingStage embedding = new EmbeddingStage(embedder);
        RateMeter chunkRate = new RateMeter();
        embedding.run(files, cancel, pool, (done, total, windows) -> {
            chunkRate.record(System.nanoTime(), done);
            listener.onProgress(new IndexProgress(Phase.EMBEDDING, done, total, files.size(), totalChunks,
                    chunkRate.perSecond(), chunkRate.eta(total - done), null));
        });

        Path partial = dir.newPartial();
        try {
            int[] step = {0};
            listener.onProgress(new IndexProgress(Phase.WRITING, 0, 4, files.size(), totalChunks, 0, null, null));
            KnowledgeIndex base = sameChunking ? previous : null;
            new GenerationWriter(partial, base, base != null && shouldCompact(base, files)).write(
                    new GenerationWriter.Content(files, skipped, request.scan(), request.chunking(), embedder.name(),
                            embedder.dimension(), embedder.windowTokens()),
                    cancel,
                    () -> listener.onProgress(new IndexProgress(Phase.WRITING, ++step[0], 4, files.size(), totalChunks, 0, null, null)));
            cancel.check();
            if (previous != null) {
                previous.close();
            }
            Path generation = dir.commit(partial);
            listener.onProgress(new IndexProgress(Phase.DONE, 1, 1, files.size(), totalChunks, 0, Duration.ZERO, null));
            return report(files, skipped, notes, prepared.bytesRead(), removed, embedding, started, false, generation,
                    listener.times());
        } catch (IOException | RuntimeException | Error e) {
            try {
                FileTrees.delete(partial);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * An update adds a vector segment; once many windows are dead (their files changed or went away) or segments
     * pile up, everything is merged into one segment again (from stored vectors: nothing is embedded again).
     */
    static boolean shouldCompact(KnowledgeIndex previous, List<PreparedFile> files) {
        if (previous.vectors().segmentCount() >= MAX_SEGMENTS) {
            return true;
        }
        long kept = 0;
        long added = 0;
        for (PreparedFile pf : files) {
            for (int c = 0; c < pf.chunks.size(); c++) {
                if (pf.reused()) {
                    kept += pf.windowRefs.get(c)[1];
                } else {
                    added += pf.vectors.get(c) == null ? 1 : pf.vectors.get(c).size();
                }
            }
        }
        long dead = previous.vectors().size() - kept;
        return dead > MAX_DEAD_SHARE * (kept + dead + added);
    }

    /** The first few skipped files with their reasons: with nothing indexed, they are the whole story. */
    private static String skippedSummary(List<SkippedFile> skipped) {
        if (skipped.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(" (" + skipped.size() + " skipped: ");
        for (int i = 0; i < Math.min(3, skipped.size()); i++) {
            sb.append(i == 0 ? "" : "; ").append(skipped.get(i));
        }
        return sb.append(skipped.size() > 3 ? "; …)" : ")").toString();
    }

    private static boolean sameNames(KnowledgeIndex previous, List<PreparedFile> files) {
        Set<String> before = new HashSet<>(previous.fileNames());
        return before.size() == files.size() && files.stream().allMatch(pf -> before.contains(pf.file));
    }

    private static int removedCount(KnowledgeIndex previous, List<PreparedFile> files) {
        if (previous == null) {
            return 0;
        }
        Set<String> now = new HashSet<>();
        files.forEach(pf -> now.add(pf.file));
        return (int) previous.fileNames().stream().filter(n -> !now.contains(n)).count();
    }

    private static Map<String, List<String>> notes(List<PreparedFile> files) {
        Map<String, List<String>> notes = new LinkedHashMap<>();
        for (PreparedFile pf : files) {
            if (!pf.notes.isEmpty()) {
                notes.put(pf.file, pf.notes);
            }
        }
        return notes;
    }

    private static BuildReport report(List<PreparedFile> files, List<SkippedFile> skipped, Map<String, List<String>> notes,
                                      long bytes, int removed, EmbeddingStage embedding, long started, boolean upToDate,
                                      Path generation, Map<Phase, Duration> phases) {
        int reused = (int) files.stream().filter(PreparedFile::reused).count();
        int chunks = files.stream().mapToInt(pf -> pf.chunks.size()).sum();
        return new BuildReport(files.size(), files.size() - reused, reused, removed, chunks,
                embedding == null ? 0 : embedding.chunksEmbedded(), embedding == null ? 0 : embedding.windowsEmbedded(),
                bytes, skipped, notes, Duration.ofNanos(System.nanoTime() - started),
                Duration.ofNanos(embedding == null ? 0 : embedding.modelNanos()), upToDate, generation, phases);
    }
}
