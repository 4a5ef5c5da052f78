package dev.athenaeum.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.athenaeum.corpus.Sizes;
import dev.athenaeum.index.IndexManifest;
import dev.athenaeum.index.KnowledgeIndex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What {@code athenaeum info} shows.
 *
 * @param liveBytes  size of the generation searches read
 * @param totalBytes size of all generations in the index folder: a build keeps the previous one
 * @param damaged    files failing their checksum; null when not verified
 */
record IndexInfo(Path dir, String generation, IndexManifest manifest, long liveBytes, long totalBytes, List<String> damaged) {

    static IndexInfo of(KnowledgeIndex idx, Path dir, List<String> damaged) throws IOException {
        return new IndexInfo(dir.toAbsolutePath().normalize(), idx.generation().getFileName().toString(), idx.manifest(),
                sizeOf(idx.generation()), generationsSize(dir), damaged);
    }

    String text() {
        IndexManifest m = manifest;
        StringBuilder sb = new StringBuilder();
        row(sb, "index", dir + " (" + generation + ")");
        row(sb, "format", "version " + m.formatVersion());
        row(sb, "created", m.createdAt());
        row(sb, "generator", m.generator());
        row(sb, "model", m.embedding().model() + " (" + m.embedding().dimension() + " dimensions, "
                + m.embedding().windowTokens() + " tokens per window)");
        row(sb, "chunking", m.chunking().chunkSize() + " tokens per chunk, " + m.chunking().chunkOverlap() + " overlap");
        List<String> roots = m.sources().roots();
        for (int i = 0; i < roots.size(); i++) {
            row(sb, i == 0 ? "roots" : "", roots.get(i));
        }
        row(sb, "include", String.join(", ", m.sources().include()));
        row(sb, "max file size", Sizes.human(m.sources().maxFileBytes()));
        row(sb, "files", String.valueOf(m.counts().files()));
        row(sb, "chunks", String.valueOf(m.counts().chunks()));
        row(sb, "windows", String.valueOf(m.counts().windows()));
        row(sb, "skipped", String.valueOf(m.counts().skipped()));
        row(sb, "size", Sizes.human(liveBytes) + (totalBytes > liveBytes
                ? " (" + Sizes.human(totalBytes) + " with the previous generation)" : ""));
        if (damaged != null) {
            int n = m.checksums().size();
            row(sb, "checksums", damaged.isEmpty() ? "all " + n + " files intact"
                    : damaged.size() + " of " + n + " files damaged: " + String.join(", ", damaged));
        }
        return sb.toString();
    }

    String json() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("index", dir.toString());
        o.put("generation", generation);
        o.put("formatVersion", manifest.formatVersion());
        o.put("createdAt", manifest.createdAt());
        o.put("generator", manifest.generator());
        o.put("embedding", manifest.embedding());
        o.put("chunking", manifest.chunking());
        o.put("sources", manifest.sources());
        o.put("counts", manifest.counts());
        o.put("sizeBytes", liveBytes);
        o.put("totalSizeBytes", totalBytes);
        if (damaged != null) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("intact", damaged.isEmpty());
            v.put("checked", manifest.checksums().size());
            v.put("damaged", damaged);
            o.put("verify", v);
        }
        try {
            return JsonMapper.builder().build().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(StringBuilder sb, String label, String value) {
        sb.append(String.format(Locale.ROOT, "%-14s %s", label, value).stripTrailing()).append(System.lineSeparator());
    }

    private static long generationsSize(Path dir) throws IOException {
        long sum = 0;
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.filter(Files::isDirectory).toList()) {
                sum += sizeOf(p);
            }
        }
        return sum;
    }

    private static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0; // removed while counting (a build pruning an old generation)
                }
            }).sum();
        }
    }
}
