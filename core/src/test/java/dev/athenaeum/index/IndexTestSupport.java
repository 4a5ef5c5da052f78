package dev.athenaeum.index;

import dev.athenaeum.chunking.Chunk;
import dev.athenaeum.chunking.ChunkSettings;
import dev.athenaeum.chunking.MarkdownChunker;
import dev.athenaeum.corpus.ScanOptions;
import dev.athenaeum.embedding.Embedder;
import dev.athenaeum.embedding.EmbeddingModels;
import dev.athenaeum.embedding.EmbeddingOptions;
import dev.athenaeum.progress.Cancellation;
import dev.athenaeum.progress.ProgressListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Shared plumbing for the index and search tests: the real in-process model (loaded once per test JVM), the real
 * npm documentation set, and small helpers to copy parts of it and build indexes. Nothing here is mocked.
 */
public final class IndexTestSupport {

    /** The npm CLI documentation, relative to the core module (Maven runs tests from there). */
    /** The vector segment a fresh build writes. */
    public static final String SEGMENT = "vectors/seg-000001.jvector";
    public static final Path NPM_DOCS = Path.of("../testdata/npm-docs").toAbsolutePath().normalize();

    public static final String MODEL = EmbeddingModels.DEFAULT;

    private static Embedder embedder;

    private IndexTestSupport() {
    }

    /** The real all-MiniLM-L6-v2 (quantised) model, shared by every test class of the JVM; never closed early. */
    public static synchronized Embedder embedder() {
        if (embedder == null) {
            embedder = EmbeddingModels.open(MODEL, EmbeddingOptions.fromEnvironment());
        }
        return embedder;
    }

    /** Every chunk of the npm documentation, file by file in name order, cut with the real model's tokenizer. */
    public static List<Chunk> npmChunks(ChunkSettings settings) throws IOException {
        MarkdownChunker chunker = new MarkdownChunker(settings, embedder().tokenizer());
        List<Chunk> chunks = new ArrayList<>();
        try (Stream<Path> files = Files.walk(NPM_DOCS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                chunks.addAll(chunker.chunk(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8)));
            }
        }
        return chunks;
    }

    /** Copies the named npm-docs files (paths relative to npm-docs) into {@code target}, keeping their folders. */
    public static Path copyNpmDocs(Path target, String... files) {
        try {
            for (String f : files) {
                Path src = NPM_DOCS.resolve(f);
                Path dst = target.resolve(f);
                Files.createDirectories(dst.getParent());
                Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ScanOptions scan(Path root) {
        return ScanOptions.builder().root(root).build();
    }

    public static BuildRequest request(Path corpus, Path indexDir, ChunkSettings chunking) {
        return BuildRequest.builder().scan(scan(corpus)).chunking(chunking).indexDir(indexDir).build();
    }

    public static BuildReport build(Path corpus, Path indexDir) throws IOException {
        return build(corpus, indexDir, ChunkSettings.DEFAULT);
    }

    public static BuildReport build(Path corpus, Path indexDir, ChunkSettings chunking) throws IOException {
        return new IndexBuilder(embedder()).build(request(corpus, indexDir, chunking), ProgressListener.NONE,
                Cancellation.none());
    }

    /** Copies a folder tree, e.g. a whole index, so a test can damage or update its own copy. */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** Folder names directly inside {@code dir}, sorted. */
    public static List<String> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The generation folders ({@code gen-NNNNNN}) inside an index folder, sorted. */
    public static List<String> generations(Path indexDir) throws IOException {
        return entries(indexDir).stream().filter(n -> n.matches("gen-\\d{6,}")).toList();
    }

    /** Leftover partial generations inside an index folder. */
    public static List<String> partials(Path indexDir) throws IOException {
        return entries(indexDir).stream().filter(n -> n.endsWith(".partial")).toList();
    }

    public static String currentPointer(Path indexDir) throws IOException {
        return Files.readString(indexDir.resolve(IndexDirectory.CURRENT), StandardCharsets.UTF_8).strip();
    }

    /** A file's lines as the index numbers them: line ends normalised, 1-based via {@code get(n - 1)}. */
    public static List<String> lines(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n").replace('\r', '\n');
        return new ArrayList<>(List.of(text.split("\n", -1)));
    }

    /** All vectors of one chunk, copied out of the mapped store. */
    public static List<float[]> vectorsOf(KnowledgeIndex index, int chunkId) {
        StoredChunk sc = index.chunks().get(chunkId);
        List<float[]> out = new ArrayList<>();
        for (int w = sc.firstWindow(); w < sc.firstWindow() + sc.windowCount(); w++) {
            out.add(index.vectors().vector(w));
        }
        return out;
    }

    public static IndexManifest.FileEntry entry(KnowledgeIndex index, String file) {
        return index.manifest().files().stream().filter(e -> e.file().equals(file)).findFirst()
                .orElseThrow(() -> new AssertionError(file + " is not in the index; it has " + index.fileNames()));
    }

    /** The chunks of one file, in order. */
    public static List<StoredChunk> chunksOf(KnowledgeIndex index, String file) {
        IndexManifest.FileEntry e = entry(index, file);
        List<StoredChunk> out = new ArrayList<>();
        for (int id = e.firstChunk(); id < e.firstChunk() + e.chunkCount(); id++) {
            out.add(index.chunks().get(id));
        }
        return out;
    }

    /**
     * The model inputs the build embeds for a chunk of {@code file}: the same windowing, with the same document
     * context line, as the embedding stage uses.
     */
    public static List<String> windowsOf(KnowledgeIndex index, String file, dev.athenaeum.chunking.Chunk chunk) {
        IndexManifest.FileEntry e = entry(index, file);
        return new dev.athenaeum.embedding.ChunkWindows(embedder().tokenizer(), embedder().windowTokens())
                .windows(e.title(), dev.athenaeum.embedding.ChunkWindows.description(e.metadata()), chunk);
    }

    /** The document label the embedding stage puts in front of every window of a file. */
    public static String contextTitle(IndexManifest.FileEntry e) {
        return dev.athenaeum.embedding.ChunkWindows.documentLabel(e.title(), e.metadata());
    }

    public static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
