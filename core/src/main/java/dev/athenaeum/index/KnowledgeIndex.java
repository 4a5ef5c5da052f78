package dev.athenaeum.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * An index opened for reading: manifest, chunks, vectors, graph and keyword index of the live generation.
 * Thread-safe for searching; close it to release the mapped files.
 */
public final class KnowledgeIndex implements Closeable {

    private final Path generation;
    private final IndexManifest manifest;
    private final List<String> fileNames;
    private final ChunkStore chunks;
    private final WindowVectors vectors;
    private final KeywordIndex keywords;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private KnowledgeIndex(Path generation, IndexManifest manifest, List<String> fileNames, ChunkStore chunks,
                           WindowVectors vectors, KeywordIndex keywords) {
        this.generation = generation;
        this.manifest = manifest;
        this.fileNames = fileNames;
        this.chunks = chunks;
        this.vectors = vectors;
        this.keywords = keywords;
    }

    /** Opens the live generation of the index in {@code dir}. */
    public static KnowledgeIndex open(Path dir) throws IOException {
        return open(dir, VectorAccess.MAPPED);
    }

    /** Opens the live generation, reading its vectors as {@code access} says. */
    public static KnowledgeIndex open(Path dir, VectorAccess access) throws IOException {
        return openGeneration(liveGeneration(dir), access);
    }

    /** The live generation's manifest alone: what an index holds and how it was made, without opening it. */
    public static IndexManifest readManifest(Path dir) {
        return ManifestCodec.read(liveGeneration(dir).resolve(IndexLayout.MANIFEST));
    }

    private static Path liveGeneration(Path dir) {
        IndexDirectory d = new IndexDirectory(dir);
        if (!Files.isDirectory(d.root())) {
            throw new IndexFormatException("no index at " + dir + ": the folder does not exist (build one with 'athenaeum index')");
        }
        return d.current().orElseThrow(() -> new IndexFormatException(
                "no index at " + dir + " (build one with 'athenaeum index')"));
    }

    static KnowledgeIndex openGeneration(Path gen) throws IOException {
        return openGeneration(gen, VectorAccess.MAPPED);
    }

    static KnowledgeIndex openGeneration(Path gen, VectorAccess access) throws IOException {
        IndexManifest manifest = ManifestCodec.read(gen.resolve(IndexLayout.MANIFEST));
        checkSizes(gen, manifest);
        List<String> names = manifest.files().stream().map(IndexManifest.FileEntry::file).toList();
        ChunkStore chunks = ChunkStore.open(gen.resolve(IndexLayout.CHUNKS), names);
        if (chunks.size() != manifest.counts().chunks()) {
            throw new IndexFormatException("chunks.bin holds " + chunks.size() + " chunks; the manifest says "
                    + manifest.counts().chunks());
        }
        Map<String, Integer> firstChunk = new HashMap<>();
        manifest.files().forEach(f -> firstChunk.put(f.file(), f.firstChunk()));
        WindowVectors vectors = WindowVectors.open(gen, manifest, access);
        KeywordIndex keywords;
        try {
            keywords = KeywordIndex.open(gen.resolve(IndexLayout.KEYWORD), firstChunk);
        } catch (IOException | RuntimeException e) {
            vectors.close();
            throw e;
        }
        return new KnowledgeIndex(gen, manifest, names, chunks, vectors, keywords);
    }

    /** Cheap consistency check on open: every file the manifest lists exists with its recorded size. */
    private static void checkSizes(Path gen, IndexManifest manifest) throws IOException {
        for (Map.Entry<String, IndexManifest.FileChecksum> e : manifest.checksums().entrySet()) {
            Path p = gen.resolve(e.getKey());
            if (!Files.isRegularFile(p)) {
                throw new IndexFormatException("the index is incomplete: " + e.getKey() + " is missing from " + gen);
            }
            if (Files.size(p) != e.getValue().bytes()) {
                throw new IndexFormatException("the index is damaged: " + e.getKey() + " has the wrong size");
            }
        }
    }

    /** Recomputes every checksum; returns the files that do not match (empty when the index is intact). */
    public List<String> verify() throws IOException {
        return verify(manifest.checksums().keySet());
    }

    /** Like {@link #verify()}, for some of the generation's files. */
    List<String> verify(java.util.Collection<String> names) throws IOException {
        List<String> bad = new ArrayList<>();
        for (String name : names) {
            IndexManifest.FileChecksum sum = manifest.checksums().get(name);
            if (sum == null) {
                bad.add(name);
                continue;
            }
            Map.Entry<String, IndexManifest.FileChecksum> e = Map.entry(name, sum);
            Path p = generation.resolve(e.getKey());
            if (!Files.isRegularFile(p) || !sha256(p).equals(e.getValue().sha256())) {
                bad.add(e.getKey());
            }
        }
        return bad;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public IndexManifest manifest() {
        return manifest;
    }

    public Path generation() {
        return generation;
    }

    public List<String> fileNames() {
        return fileNames;
    }

    public ChunkStore chunks() {
        return chunks;
    }

    /** The embedding windows' vectors, across the generation's segments. */
    public WindowVectors vectors() {
        return vectors;
    }

    public KeywordIndex keywords() {
        return keywords;
    }

    @Override
    public void close() throws IOException {
        if (closed.getAndSet(true)) {
            return;
        }
        try {
            vectors.close();
        } finally {
            keywords.close();
        }
    }
}
