package dev.athenaeum.server.lambda;

import dev.athenaeum.index.IndexFormatException;
import dev.athenaeum.index.IndexManifest;
import dev.athenaeum.index.KnowledgeIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Fetches the index that the deployer uploaded to S3 into a local index folder that {@link KnowledgeIndex#open}
 * reads. Everything goes to a staging folder beside the target first and is checked there against the manifest's
 * sizes and SHA-256 checksums (core's own {@link KnowledgeIndex#verify}); only a complete, intact index is moved
 * into place, so a refused download leaves nothing behind that a server could open.
 */
public final class IndexDownloader {

    static final String MANIFEST = "manifest.json";
    /** The downloaded index is always the first and only generation of its folder. */
    static final String GENERATION = "gen-000001";
    private static final Logger log = LoggerFactory.getLogger(IndexDownloader.class);

    private final S3Client s3;
    private final int threads;

    public IndexDownloader(S3Client s3, int threads) {
        this.s3 = s3;
        this.threads = threads;
    }

    /** Downloads and verifies the index; an index already in {@code target} is replaced. */
    public Path download(IndexSource source, Path target) throws IndexDownloadException {
        return fetch(source, target).dir();
    }

    /** The installed index folder, and the ETag of the manifest.json it was made from. */
    public record Downloaded(Path dir, String manifestETag) {
    }

    /** Like {@link #download}, also telling which version of manifest.json was installed. */
    public Downloaded fetch(IndexSource source, Path target) throws IndexDownloadException {
        long started = System.nanoTime();
        Path dir = target.toAbsolutePath().normalize();
        Path staging = createStaging(dir);
        try {
            Path generation = Files.createDirectories(staging.resolve(GENERATION));
            String etag = S3Files.downloadManifest(s3, source, generation.resolve(MANIFEST));
            Files.writeString(staging.resolve("CURRENT"), GENERATION + "\n", StandardCharsets.UTF_8);
            IndexManifest manifest = readManifest(source, staging, generation);
            long bytes = new ParallelDownload(s3, source, generation, threads).fetchAll(manifest.checksums());
            verify(source, staging, generation, manifest);
            install(staging, dir);
            log.info("index {} downloaded and verified: {} files, {} bytes in {} ms", source.uri(),
                    manifest.checksums().size() + 1, bytes, (System.nanoTime() - started) / 1_000_000);
            return new Downloaded(dir, etag);
        } catch (IOException e) {
            throw new IndexDownloadException("cannot store the index from " + source.uri() + " in " + dir.getParent()
                    + ": " + e.getMessage(), e);
        } finally {
            Folders.deleteQuietly(staging);
        }
    }

    private static Path createStaging(Path dir) throws IndexDownloadException {
        try {
            Files.createDirectories(dir.getParent());
            return Files.createTempDirectory(dir.getParent(), "." + dir.getFileName() + ".download-");
        } catch (IOException e) {
            throw new IndexDownloadException("cannot create a folder for the index in " + dir.getParent() + ": "
                    + e.getMessage(), e);
        }
    }

    private static IndexManifest readManifest(IndexSource source, Path staging, Path generation)
            throws IndexDownloadException {
        try {
            return KnowledgeIndex.readManifest(staging);
        } catch (IndexFormatException e) {
            throw new IndexDownloadException("refusing " + source.uri(MANIFEST) + ": "
                    + inS3Terms(e.getMessage(), source, generation), e);
        }
    }

    private static void verify(IndexSource source, Path staging, Path generation, IndexManifest manifest)
            throws IndexDownloadException, IOException {
        List<String> bad;
        try (KnowledgeIndex index = KnowledgeIndex.open(staging)) {
            bad = index.verify();
        } catch (IndexFormatException e) {
            throw new IndexDownloadException("refusing the index at " + source.uri() + ": "
                    + inS3Terms(e.getMessage(), source, generation), e);
        }
        if (!bad.isEmpty()) {
            throw new IndexDownloadException("refusing the index at " + source.uri() + ": the SHA-256 of "
                    + bad.stream().sorted().map(f -> S3Files.describe(source, f, manifest.checksums().get(f).sha256()))
                            .collect(Collectors.joining(", "))
                    + " differs from manifest.json (a corrupted object, or files of two different uploads)");
        }
    }

    /** Replaces the target in two renames; the previous index, if any, is deleted afterwards. */
    private static void install(Path staging, Path dir) throws IOException {
        Path previous = null;
        if (Files.exists(dir)) {
            previous = dir.resolveSibling("." + dir.getFileName() + ".old-" + System.nanoTime());
            Files.move(dir, previous, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
        if (previous != null) {
            Folders.deleteQuietly(previous);
        }
    }

    /** Core's messages name local files; the deployer needs the S3 objects. */
    private static String inS3Terms(String message, IndexSource source, Path generation) {
        String m = message == null ? "unreadable" : message;
        return m.replace(generation.resolve(MANIFEST).toString(), source.uri(MANIFEST))
                .replace(generation + "/", source.uri())
                .replace(generation.toString(), source.uri())
                .replace(generation.getParent().toString(), source.uri());
    }
}
