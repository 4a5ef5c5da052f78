package dev.athenaeum.bench;

import dev.athenaeum.chunking.ChunkSettings;
import dev.athenaeum.embedding.Embedder;
import dev.athenaeum.index.BuildReport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Full index build throughput: scan, chunk, embed (every chunk whole, in windows), write chunks, BM25 index, vectors
 * and graph. The model is loaded and warmed up first, untimed; then a fresh index is built into a temporary folder.
 *
 * <pre>
 * IndexingThroughput CORPUS_DIR [--chunk-size 512] [--chunk-overlap 64] [--runs 1] [--json FILE]
 * </pre>
 * The last line is the median run as JSON (prefixed {@code JSON }), for bench/indexing.sh to compare.
 */
public final class IndexingThroughput {

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv, Set.of());
        if (args.positional().size() != 1) {
            System.err.println("usage: IndexingThroughput CORPUS_DIR [--chunk-size 512] [--chunk-overlap 64] [--runs 1]");
            System.exit(2);
        }
        Path corpus = Paths2.resolve(args.positional().get(0));
        ChunkSettings chunking = ChunkSettings.of(args.getInt("chunk-size", ChunkSettings.DEFAULT_CHUNK_SIZE),
                args.getInt("chunk-overlap", ChunkSettings.DEFAULT_CHUNK_OVERLAP));
        int runs = args.getInt("runs", 1);

        System.out.println("# Indexing throughput: Athenaeum (Java)");
        System.out.println();
        System.out.print(MachineInfo.markdown());
        System.out.println();

        long t0 = System.nanoTime();
        List<BuildReport> reports = new ArrayList<>();
        List<java.util.Map<String, Double>> stages = new ArrayList<>();
        double load;
        try (Embedder embedder = Builds.openWarm()) {
            load = (System.nanoTime() - t0) / 1e9;
            for (int r = 0; r < runs; r++) {
                Path tmp = Files.createTempDirectory("athenaeum-indexing-bench");
                try {
                    System.err.printf(Locale.ROOT, "run %d/%d: building a fresh index of %s…%n", r + 1, runs, corpus);
                    Builds.Timed timed = Builds.build(embedder, corpus, tmp.resolve("index"), chunking, true);
                    BuildReport report = timed.report();
                    reports.add(report);
                    stages.add(timed.stages());
                    System.err.printf(Locale.ROOT, "run %d/%d: %.1f s%n", r + 1, runs, Builds.seconds(report.elapsed()));
                } finally {
                    Paths2.deleteRecursively(tmp);
                }
            }
        }

        System.out.printf(Locale.ROOT, "Corpus %s; chunk size %d, overlap %d tokens; every chunk embedded whole in windows; "
                        + "model load and warm-up %.1f s (not included)%n%n", corpus, chunking.chunkSize(),
                chunking.chunkOverlap(), load);
        Table t = new Table("run", "files", "MB", "chunks", "windows", "elapsed (s)", "model time (s)",
                "pipeline overhead", "chunks/s", "windows/s", "MB/s");
        for (int r = 0; r < reports.size(); r++) {
            row(t, Integer.toString(r + 1), reports.get(r));
        }
        BuildReport median = reports.stream()
                .sorted((a, b) -> a.elapsed().compareTo(b.elapsed()))
                .toList().get((reports.size() - 1) / 2);
        if (reports.size() > 1) {
            row(t, "median", median);
        }
        System.out.println(t);
        System.out.println("pipeline overhead = elapsed / model time − 1: time outside the embedding model (scan, "
                + "chunking, tokenising, writing the chunk store, BM25 index, vectors and graph) relative to model time.");
        System.out.println();
        List<String> header = new ArrayList<>(List.of("run"));
        header.addAll(PhaseTimer.STAGES);
        Table st = new Table(header.toArray(String[]::new));
        for (int r = 0; r < stages.size(); r++) {
            List<Object> cells = new ArrayList<>(List.of(Integer.toString(r + 1)));
            for (String stage : PhaseTimer.STAGES) {
                Double sec = stages.get(r).get(stage);
                cells.add(sec == null ? "–" : Table.f("%.2f", sec));
            }
            st.row(cells.toArray());
        }
        System.out.println("Where the time went (seconds; 'embed' includes the model time above):");
        System.out.println();
        System.out.println(st);
        System.out.println("JSON " + json(median, chunking, load));
    }

    private static void row(Table t, String label, BuildReport r) {
        double elapsed = Builds.seconds(r.elapsed());
        double model = Builds.seconds(r.modelTime());
        double mb = r.bytesRead() / 1e6;
        t.row(label, r.files(), Table.f("%.2f", mb), r.chunks(), r.windowsEmbedded(), Table.f("%.1f", elapsed),
                Table.f("%.1f", model), Table.f("%.1f%%", (elapsed / model - 1) * 100),
                Table.f("%.1f", r.chunks() / elapsed), Table.f("%.1f", r.windowsEmbedded() / elapsed),
                Table.f("%.4f", mb / elapsed));
    }

    static String json(BuildReport r, ChunkSettings chunking, double load) {
        double elapsed = Builds.seconds(r.elapsed());
        double model = Builds.seconds(r.modelTime());
        return String.format(Locale.ROOT, "{\"stack\":\"athenaeum\",\"files\":%d,\"bytes\":%d,\"mb\":%.4f,\"chunks\":%d,"
                        + "\"windows\":%d,\"elapsed_s\":%.3f,\"model_s\":%.3f,\"overhead\":%.4f,\"chunks_per_s\":%.3f,"
                        + "\"windows_per_s\":%.3f,\"mb_per_s\":%.5f,\"load_s\":%.3f,\"chunk_size\":%d,\"chunk_overlap\":%d,"
                        + "\"cpu\":\"%s\",\"cores\":%d}",
                r.files(), r.bytesRead(), r.bytesRead() / 1e6, r.chunks(), r.windowsEmbedded(), elapsed, model,
                elapsed / model - 1, r.chunks() / elapsed, r.windowsEmbedded() / elapsed, r.bytesRead() / 1e6 / elapsed,
                load, chunking.chunkSize(), chunking.chunkOverlap(), MachineInfo.cpuModel().replace("\"", "'"),
                Runtime.getRuntime().availableProcessors());
    }
}
