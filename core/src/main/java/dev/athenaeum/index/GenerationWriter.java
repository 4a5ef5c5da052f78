package dev.athenaeum.index;

import dev.athenaeum.chunking.Chunk;
import dev.athenaeum.chunking.ChunkSettings;
import dev.athenaeum.corpus.ScanOptions;
import dev.athenaeum.corpus.SkippedFile;
import dev.athenaeum.embedding.ChunkWindows;
import dev.athenaeum.embedding.EmbeddingText;
import dev.athenaeum.progress.Cancellation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;

/**
 * Writes the files of one generation into its (partial) folder, the manifest last. On an update the previous
 * generation's vector segments and keyword files are carried over as links (they are never modified in place) and
 * only what changed is written anew: one new vector segment for the new windows, and keyword documents for the
 * files that changed.
 */
final class GenerationWriter {

    static final String GENERATOR = "Athenaeum " + Version.current();

    private final Path dir;
    private final KnowledgeIndex previous;
    private final boolean compact;

    /**
     * @param previous the generation to build on, or null to write everything anew
     * @param compact  whether to merge all vectors into one new segment instead of adding a segment
     */
    GenerationWriter(Path dir, KnowledgeIndex previous, boolean compact) {
        this.dir = dir;
        this.previous = previous;
        this.compact = compact || previous == null;
    }

    /** What the generation is to hold, and how its vectors were made. */
    record Content(List<PreparedFile> files, List<SkippedFile> skipped, ScanOptions scan, ChunkSettings chunking,
                   String model, int dimension, int windowTokens) {
    }

    IndexManifest write(Content content, Cancellation cancel, Runnable onStep) throws IOException {
        List<PreparedFile> files = content.files();
        WindowPlan windows = new WindowPlan(previous == null || compact ? 0 : previous.vectors().size());
        List<IndexManifest.FileEntry> entries = new ArrayList<>();
        Set<Integer> claimed = new HashSet<>();
        int chunkId = 0;
        try (ChunkStoreWriter chunks = new ChunkStoreWriter(dir.resolve(IndexLayout.CHUNKS))) {
            for (int f = 0; f < files.size(); f++) {
                PreparedFile pf = files.get(f);
                entries.add(new IndexManifest.FileEntry(pf.file, pf.sha256, pf.sizeBytes, pf.title, chunkId,
                        pf.chunks.size(), pf.metadata, pf.notes));
                for (int c = 0; c < pf.chunks.size(); c++) {
                    int[] at = placeWindows(pf, c, chunkId, windows, claimed);
                    chunks.add(f, pf.chunks.get(c), at[0], at[1]);
                    chunkId++;
                }
            }
        }
        onStep.run();
        cancel.check();
        // The keyword index and the vector graph need nothing from each other, and each mostly keeps one core busy.
        FutureTask<Void> keywords = new FutureTask<>(() -> {
            writeKeywords(files);
            return null;
        });
        Thread keywordThread = Thread.ofPlatform().name("athenaeum-keywords").daemon().start(keywords);
        List<IndexManifest.Segment> segments;
        try {
            segments = writeSegments(windows, content.dimension());
            WindowTable.write(dir.resolve(IndexLayout.WINDOWS), windows.owners());
        } catch (IOException | RuntimeException | Error e) {
            // Wait for the other writer before the caller deletes the folder it writes into.
            awaitQuietly(keywordThread);
            throw e;
        }
        await(keywords);
        onStep.run();
        cancel.check();
        Map<String, IndexManifest.FileChecksum> sums = checksums();
        onStep.run();
        IndexManifest manifest = new IndexManifest(IndexManifest.MAGIC, IndexManifest.FORMAT_VERSION,
                Instant.now().toString(), GENERATOR,
                new IndexManifest.Embedding(content.model(), content.dimension(), content.windowTokens(), ChunkWindows.PREPARATION),
                new IndexManifest.Chunking(content.chunking().chunkSize(), content.chunking().chunkOverlap()),
                sources(content.scan()),
                new IndexManifest.Counts(files.size(), chunkId, windows.live(), content.skipped().size()),
                segments, entries, content.skipped(), sums);
        ManifestCodec.write(manifest, dir.resolve(IndexLayout.MANIFEST));
        onStep.run();
        return manifest;
    }

    private static void await(FutureTask<Void> task) throws IOException {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the keyword index", e);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException r -> throw r;
                case Error err -> throw err;
                default -> throw new IOException(e.getCause());
            }
        }
    }

    private static void awaitQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Gives chunk {@code c} of {@code pf} its windows: the previous generation's, when they can be kept in place, or
     * new ones in the new segment. Returns {first window, window count}.
     */
    private int[] placeWindows(PreparedFile pf, int c, int chunkId, WindowPlan windows, Set<Integer> claimed) {
        int[] ref = pf.reused() ? pf.windowRefs.get(c) : null;
        if (ref != null && !compact && claimed.add(ref[0])) {
            windows.keep(ref[0], ref[1], chunkId);
            return ref;
        }
        List<float[]> vectors = ref == null ? pf.vectors.get(c) : previousVectors(ref);
        if (vectors == null) {
            throw new IllegalStateException("chunk " + c + " of " + pf.file + " has no vectors");
        }
        return new int[] {windows.add(vectors, chunkId), vectors.size()};
    }

    /** Vectors carried by value: when compacting, or for a second file with the same content as another. */
    private List<float[]> previousVectors(int[] ref) {
        List<float[]> out = new ArrayList<>(ref[1]);
        for (int w = ref[0]; w < ref[0] + ref[1]; w++) {
            out.add(previous.vectors().vector(w));
        }
        return out;
    }

    private List<IndexManifest.Segment> writeSegments(WindowPlan windows, int dimension) throws IOException {
        Files.createDirectories(dir.resolve(IndexLayout.SEGMENTS));
        List<IndexManifest.Segment> segments = new ArrayList<>();
        int next = 1;
        if (previous != null) {
            for (IndexManifest.Segment s : previous.manifest().segments()) {
                next = Math.max(next, number(s.name()) + 1);
                if (!compact) {
                    String rel = IndexLayout.segment(s.name());
                    Files2.linkOrCopy(previous.generation().resolve(rel), dir.resolve(rel));
                    segments.add(s);
                }
            }
        }
        if (!windows.added().isEmpty()) {
            String name = String.format("seg-%06d", next);
            VectorGraph.build(windows.added(), dimension, dir.resolve(IndexLayout.segment(name)));
            segments.add(new IndexManifest.Segment(name, windows.added().size()));
        }
        return segments;
    }

    /**
     * Keyword documents are named by file and position, so an update keeps those of files unchanged in place and
     * replaces the rest.
     */
    private void writeKeywords(List<PreparedFile> files) throws IOException {
        Path keyword = dir.resolve(IndexLayout.KEYWORD);
        boolean append = previous != null;
        if (append) {
            Files2.linkTree(previous.generation().resolve(IndexLayout.KEYWORD), keyword, name -> !name.equals("write.lock"));
        }
        try (KeywordIndex.Writer keywords = new KeywordIndex.Writer(keyword, append)) {
            if (append) {
                Set<String> keep = new HashSet<>();
                files.stream().filter(PreparedFile::unchangedInPlace).forEach(pf -> keep.add(pf.file));
                for (String old : previous.fileNames()) {
                    if (!keep.contains(old)) {
                        keywords.deleteFile(old);
                    }
                }
            }
            for (PreparedFile pf : files) {
                if (append && pf.unchangedInPlace()) {
                    continue;
                }
                String title = titleField(pf);
                for (int c = 0; c < pf.chunks.size(); c++) {
                    Chunk chunk = pf.chunks.get(c);
                    String text = pf.cleanTexts[c] != null ? pf.cleanTexts[c] : EmbeddingText.of(chunk.text());
                    keywords.add(pf.file, c, title, EmbeddingText.of(String.join(" \n", chunk.headings())), text);
                }
            }
        }
    }

    /** How a scan is recorded in the manifest. */
    static IndexManifest.Sources sources(ScanOptions scan) {
        return new IndexManifest.Sources(scan.roots().stream().map(p -> p.toAbsolutePath().normalize().toString()).toList(),
                scan.include(), scan.exclude(), scan.maxFileBytes());
    }

    /** The title field makes file names searchable too: "npm-install.md" matches "install". */
    private static String titleField(PreparedFile pf) {
        String name = pf.file.replaceAll("[/_.\\-]+", " ");
        String label = ChunkWindows.documentLabel(pf.title, pf.metadata);
        return label == null ? name : label + " \n" + name;
    }

    /** Checksums of every file; those linked from the previous generation keep the checksum recorded there. */
    private Map<String, IndexManifest.FileChecksum> checksums() throws IOException {
        Map<String, IndexManifest.FileChecksum> sums = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (rel.equals(IndexLayout.MANIFEST) || rel.endsWith("write.lock")) {
                    continue;
                }
                IndexManifest.FileChecksum old = previous == null ? null : previous.manifest().checksums().get(rel);
                if (old != null && Files.isSameFile(p, previous.generation().resolve(rel))) {
                    sums.put(rel, old);
                } else {
                    sums.put(rel, new IndexManifest.FileChecksum(KnowledgeIndex.sha256(p), Files.size(p)));
                }
            }
        }
        return sums;
    }

    private static int number(String segmentName) {
        try {
            return Integer.parseInt(segmentName.substring(segmentName.indexOf('-') + 1));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** The generation's windows: those kept in place from earlier segments, and those of the new segment. */
    private static final class WindowPlan {
        private final int base;
        private int[] owners;
        private final List<float[]> added = new ArrayList<>();
        private int live;

        WindowPlan(int base) {
            this.base = base;
            this.owners = new int[Math.max(16, base)];
            Arrays.fill(owners, WindowTable.DEAD);
        }

        void keep(int first, int count, int chunk) {
            for (int w = first; w < first + count; w++) {
                owners[w] = chunk;
            }
            live += count;
        }

        int add(List<float[]> vectors, int chunk) {
            int first = base + added.size();
            for (float[] v : vectors) {
                grow(base + added.size() + 1);
                owners[base + added.size()] = chunk;
                added.add(v);
            }
            live += vectors.size();
            return first;
        }

        private void grow(int size) {
            if (size > owners.length) {
                int old = owners.length;
                owners = Arrays.copyOf(owners, Math.max(size, old * 2));
                Arrays.fill(owners, old, owners.length, WindowTable.DEAD);
            }
        }

        List<float[]> added() {
            return added;
        }

        int[] owners() {
            return Arrays.copyOf(owners, base + added.size());
        }

        int live() {
            return live;
        }
    }
}
