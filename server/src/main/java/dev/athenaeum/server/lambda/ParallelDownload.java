package dev.athenaeum.server.lambda;

import dev.athenaeum.index.IndexManifest;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Downloads the files a manifest lists into a generation folder, several at a time: a cold start spends most of
 * its time waiting on S3, and the vector segment and the Lucene files are fetched side by side.
 */
final class ParallelDownload {

    private static final java.util.regex.Pattern SHA256 = java.util.regex.Pattern.compile("[0-9a-f]{64}");

    private final S3Client s3;
    private final IndexSource source;
    private final Path generation;
    private final int threads;

    ParallelDownload(S3Client s3, IndexSource source, Path generation, int threads) {
        this.s3 = s3;
        this.source = source;
        this.generation = generation;
        this.threads = threads;
    }

    /** Returns the bytes downloaded; the first failure stops the others. */
    long fetchAll(Map<String, IndexManifest.FileChecksum> files) throws IndexDownloadException, IOException {
        for (Map.Entry<String, IndexManifest.FileChecksum> e : files.entrySet()) {
            localPath(e.getKey());
            checkDigest(e.getKey(), e.getValue());
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, files.size())), daemons());
        try {
            CompletionService<Long> done = new ExecutorCompletionService<>(pool);
            files.forEach((relative, sum) -> done.submit(() -> fetch(relative, sum)));
            long total = 0;
            for (int i = 0; i < files.size(); i++) {
                total += take(done);
            }
            return total;
        } finally {
            pool.shutdownNow();
            awaitQuietly(pool);
        }
    }

    private long fetch(String relative, IndexManifest.FileChecksum expected) throws IndexDownloadException, IOException {
        Path local = localPath(relative);
        Files.createDirectories(local.getParent());
        S3Files.download(s3, source, relative, expected.sha256(), local);
        long size = Files.size(local);
        if (size != expected.bytes()) {
            throw new IndexDownloadException("refusing the index at " + source.uri() + ": "
                    + S3Files.describe(source, relative, expected.sha256()) + " has " + size
                    + " bytes; manifest.json says " + expected.bytes());
        }
        return size;
    }

    /** A manifest names files inside its generation; anything else would write outside the index folder. */
    private Path localPath(String relative) throws IndexDownloadException {
        Path local = generation.resolve(relative).normalize();
        boolean inside = local.startsWith(generation) && !local.equals(generation);
        if (!inside || relative.contains("..") || relative.startsWith("/") || relative.contains("\\")
                || relative.equals(IndexDownloader.MANIFEST)) {
            throw new IndexDownloadException("refusing " + source.uri(IndexDownloader.MANIFEST)
                    + ": it lists a file outside the index folder: " + relative);
        }
        return local;
    }

    /** The digest names the object, so it must be one: anything else would reach for another key. */
    private void checkDigest(String relative, IndexManifest.FileChecksum sum) throws IndexDownloadException {
        if (sum == null || sum.sha256() == null || !SHA256.matcher(sum.sha256()).matches()) {
            throw new IndexDownloadException("refusing " + source.uri(IndexDownloader.MANIFEST) + ": the SHA-256 of "
                    + relative + " is not 64 hexadecimal digits");
        }
    }

    private static long take(CompletionService<Long> done) throws IndexDownloadException, IOException {
        try {
            return done.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading the index", e);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IndexDownloadException d -> throw d;
                case IOException io -> throw io;
                case RuntimeException r -> throw r;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }

    // Waits a little so no download still writes into the staging folder while it is being deleted.
    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemons() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "index-download-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
