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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Writes the files of one generation into its (partial) folder, the manifest last. */
final class GenerationWriter {

    static final String GENERATOR = "Athenaeum " + Version.current();

    private final Path dir;

    GenerationWriter(Path dir) {
        this.dir = dir;
    }

    IndexManifest write(List<PreparedFile> files, List<SkippedFile> skipped, ScanOptions scan, ChunkSettings chunking,
                        String model, int dimension, int windowTokens, Cancellation cancel, Runnable onStep)
            throws IOException {
        List<IndexManifest.FileEntry> entries = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        List<Integer> chunkOfWindow = new ArrayList<>();
        int chunkId = 0;
        try (ChunkStoreWriter chunks = new ChunkStoreWriter(dir.resolve(IndexLayout.CHUNKS));
             KeywordIndex.Writer keywords = new KeywordIndex.Writer(dir.resolve(IndexLayout.KEYWORD))) {
            for (int f = 0; f < files.size(); f++) {
                PreparedFile pf = files.get(f);
                entries.add(new IndexManifest.FileEntry(pf.file, pf.sha256, pf.sizeBytes, pf.title, chunkId,
                        pf.chunks.size(), pf.metadata, pf.notes));
                for (int c = 0; c < pf.chunks.size(); c++) {
                    Chunk chunk = pf.chunks.get(c);
                    List<float[]> windows = pf.vectors.get(c);
                    chunks.add(f, chunk, vectors.size(), windows.size());
                    for (float[] v : windows) {
                        vectors.add(v);
                        chunkOfWindow.add(chunkId);
                    }
                    keywords.add(chunkId, pf.file, titleField(pf),
                            EmbeddingText.of(String.join(" \n", chunk.headings())), EmbeddingText.of(chunk.text()));
                    chunkId++;
                }
            }
            cancel.check();
        }
        onStep.run();
        int[] owners = chunkOfWindow.stream().mapToInt(Integer::intValue).toArray();
        VectorStore.write(dir.resolve(IndexLayout.VECTORS), dimension, vectors, owners);
        vectors.clear();
        onStep.run();
        cancel.check();
        VectorGraph.build(VectorStore.open(dir.resolve(IndexLayout.VECTORS)), dir.resolve(IndexLayout.GRAPH));
        onStep.run();
        cancel.check();
        IndexManifest manifest = new IndexManifest(IndexManifest.MAGIC, IndexManifest.FORMAT_VERSION,
                Instant.now().toString(), GENERATOR,
                new IndexManifest.Embedding(model, dimension, windowTokens, ChunkWindows.PREPARATION),
                new IndexManifest.Chunking(chunking.chunkSize(), chunking.chunkOverlap()),
                sources(scan),
                new IndexManifest.Counts(files.size(), chunkId, owners.length, skipped.size()),
                entries, skipped, checksums());
        ManifestCodec.write(manifest, dir.resolve(IndexLayout.MANIFEST));
        onStep.run();
        return manifest;
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

    private Map<String, IndexManifest.FileChecksum> checksums() throws IOException {
        Map<String, IndexManifest.FileChecksum> sums = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (!rel.equals(IndexLayout.MANIFEST) && !rel.endsWith("write.lock")) {
                    sums.put(rel, new IndexManifest.FileChecksum(KnowledgeIndex.sha256(p), Files.size(p)));
                }
            }
        }
        return sums;
    }
}
