package dev.athenaeum.server.lambda;

import dev.athenaeum.chunking.ChunkSettings;
import dev.athenaeum.corpus.ScanOptions;
import dev.athenaeum.embedding.Embedder;
import dev.athenaeum.embedding.EmbeddingModels;
import dev.athenaeum.embedding.EmbeddingOptions;
import dev.athenaeum.index.BuildRequest;
import dev.athenaeum.index.IndexBuilder;
import dev.athenaeum.progress.Cancellation;
import dev.athenaeum.progress.ProgressListener;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real index of a few npm documentation pages, built once per test JVM with the in-process embedding model, and
 * the deployer's upload of it: the current generation's files under a prefix, manifest.json last.
 */
final class TestIndex {

    static final Path NPM_DOCS = Path.of("../testdata/npm-docs").toAbsolutePath().normalize();
    static final List<String> PAGES = List.of("commands/npm-install.md", "commands/npm-ci.md",
            "commands/npm-publish.md", "using-npm/scripts.md");

    private static Embedder embedder;
    private static Path built;

    private TestIndex() {
    }

    static synchronized Embedder embedder() {
        if (embedder == null) {
            embedder = EmbeddingModels.open(EmbeddingModels.DEFAULT, EmbeddingOptions.fromEnvironment());
        }
        return embedder;
    }

    /** The index folder (CURRENT plus one generation), built on first use. */
    static synchronized Path build() throws IOException {
        if (built == null) {
            built = build(PAGES);
        }
        return built;
    }

    /** A fresh index of other npm pages. */
    static Path build(List<String> pages) throws IOException {
        Path root = Files.createTempDirectory("athenaeum-lambda-index-");
        Path corpus = root.resolve("docs");
        for (String page : pages) {
            Files.createDirectories(corpus.resolve(page).getParent());
            Files.copy(NPM_DOCS.resolve(page), corpus.resolve(page));
        }
        Path indexDir = root.resolve("index");
        new IndexBuilder(embedder()).build(BuildRequest.builder().scan(ScanOptions.builder().root(corpus).build())
                .chunking(ChunkSettings.DEFAULT).indexDir(indexDir).build(), ProgressListener.NONE, Cancellation.none());
        return indexDir;
    }

    /** The files the deployer uploads, by relative path: the current generation's, Lucene's write.lock excepted. */
    static Map<String, byte[]> uploadFiles() throws IOException {
        return uploadFiles(build());
    }

    static Map<String, byte[]> uploadFiles(Path index) throws IOException {
        Path generation = index.resolve(Files.readString(index.resolve("CURRENT"), StandardCharsets.UTF_8).strip());
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> s = Files.walk(generation)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String rel = generation.relativize(p).toString().replace('\\', '/');
                if (!rel.endsWith("write.lock") && !rel.equals(IndexDownloader.MANIFEST)) {
                    files.put(rel, Files.readAllBytes(p));
                }
            }
        }
        files.put(IndexDownloader.MANIFEST, Files.readAllBytes(generation.resolve(IndexDownloader.MANIFEST)));
        return files;
    }

    /**
     * Stores the files as the deployer lays them out: each under {@code objects/} and the SHA-256 that the built
     * index's manifest gives it (so a file changed by a test keeps the key of the original), manifest.json as is.
     */
    static void upload(S3Client s3, IndexSource target, Map<String, byte[]> files) {
        files.forEach((rel, bytes) -> s3.putObject(r -> r.bucket(target.bucket()).key(key(target, rel)),
                RequestBody.fromBytes(bytes)));
    }

    static String key(IndexSource target, String rel) {
        if (rel.equals(IndexDownloader.MANIFEST)) {
            return target.key(rel);
        }
        try {
            return target.objectKey(dev.athenaeum.index.KnowledgeIndex.readManifest(build()).checksums().get(rel).sha256());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Stores a whole index of its own, each file under the SHA-256 its own manifest gives it. */
    static void uploadIndex(S3Client s3, IndexSource target, Path index) throws IOException {
        var sums = dev.athenaeum.index.KnowledgeIndex.readManifest(index).checksums();
        uploadFiles(index).forEach((rel, bytes) -> s3.putObject(r -> r.bucket(target.bucket())
                .key(rel.equals(IndexDownloader.MANIFEST) ? target.key(rel) : target.objectKey(sums.get(rel).sha256())),
                RequestBody.fromBytes(bytes)));
    }

    static String sha256(String rel) throws IOException {
        return dev.athenaeum.index.KnowledgeIndex.readManifest(build()).checksums().get(rel).sha256();
    }

    /** The largest file: the vector segment, whose middle bytes are vectors no cheap check looks at. */
    static String largestFile(Map<String, byte[]> files) {
        return files.entrySet().stream().filter(e -> !e.getKey().equals(IndexDownloader.MANIFEST))
                .max(Map.Entry.comparingByValue(java.util.Comparator.comparingInt(b -> b.length)))
                .orElseThrow().getKey();
    }
}
