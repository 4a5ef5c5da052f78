package dev.athenaeum.bench;

import dev.athenaeum.embedding.Embedder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Embeds texts once and keeps the vectors in a file named after a hash of the model and the texts, so a rerun with
 * the same inputs reads them back instead of embedding again. Format: int count, int dimension, floats (little-endian).
 */
final class VectorCache {

    private final Path dir;

    VectorCache(Path dir) {
        this.dir = dir;
    }

    static String key(String model, List<String> texts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(model.getBytes(StandardCharsets.UTF_8));
            for (String t : texts) {
                md.update((byte) 0);
                md.update(t.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The model's fingerprint: its name and its vector for a fixed sentence, rounded, so cached vectors are not reused
     * after the model or its tokenizer changed.
     */
    static String fingerprint(Embedder embedder) {
        float[] v = embedder.embed(List.of("Athenaeum benchmark probe: how do I publish a scoped package?")).get(0);
        StringBuilder b = new StringBuilder(embedder.name());
        for (float x : v) {
            b.append(' ').append(Math.round(x * 1000));
        }
        return b.toString();
    }

    /** The vectors of {@code texts}, from the cache or embedded now (progress on stderr). */
    float[][] vectors(String label, Embedder embedder, List<String> texts) throws IOException {
        Path file = dir.resolve(label + "-" + texts.size() + "-" + key(fingerprint(embedder), texts) + ".f32");
        if (Files.isRegularFile(file)) {
            float[][] v = read(file);
            if (v.length == texts.size()) {
                System.err.printf(Locale.ROOT, "%s: %d vectors read from %s%n", label, v.length, file);
                return v;
            }
        }
        float[][] v = embed(label, embedder, texts);
        write(file, v);
        System.err.printf(Locale.ROOT, "%s: %d vectors cached in %s%n", label, v.length, file);
        return v;
    }

    static float[][] embed(String label, Embedder embedder, List<String> texts) {
        float[][] out = new float[texts.size()][];
        int batch = embedder.batchSize();
        long t0 = System.nanoTime();
        int nextReport = 0;
        for (int i = 0; i < texts.size(); i += batch) {
            List<String> group = new ArrayList<>(texts.subList(i, Math.min(texts.size(), i + batch)));
            List<float[]> vs = embedder.embed(group);
            for (int j = 0; j < vs.size(); j++) {
                out[i + j] = Neighbours.normalise(vs.get(j).clone());
            }
            int done = Math.min(texts.size(), i + batch);
            if (done >= nextReport || done == texts.size()) {
                double s = (System.nanoTime() - t0) / 1e9;
                double rate = done / s;
                System.err.printf(Locale.ROOT, "%s: embedded %d/%d (%.0f texts/s, %.0f s left)%n", label, done,
                        texts.size(), rate, (texts.size() - done) / rate);
                nextReport = done + Math.max(batch, texts.size() / 10);
            }
        }
        return out;
    }

    static float[][] read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(head, 0);
            head.flip();
            int count = head.getInt();
            int dim = head.getInt();
            if (count < 0 || dim <= 0 || ch.size() != 8L + 4L * count * dim) {
                return new float[0][];
            }
            ByteBuffer body = ch.map(FileChannel.MapMode.READ_ONLY, 8, 4L * count * dim).order(ByteOrder.LITTLE_ENDIAN);
            float[][] out = new float[count][dim];
            for (float[] row : out) {
                body.asFloatBuffer().get(row);
                body.position(body.position() + 4 * dim);
            }
            return out;
        }
    }

    static void write(Path file, float[][] vectors) throws IOException {
        Files.createDirectories(file.getParent());
        int dim = vectors.length == 0 ? 1 : vectors[0].length;
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer head = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(vectors.length).putInt(dim);
            head.flip();
            ch.write(head);
            ByteBuffer row = ByteBuffer.allocate(4 * dim).order(ByteOrder.LITTLE_ENDIAN);
            for (float[] v : vectors) {
                row.clear();
                row.asFloatBuffer().put(v);
                ch.write(row);
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
