package dev.athenaeum.bench;

import dev.athenaeum.embedding.Embedder;
import dev.athenaeum.embedding.EmbeddingModels;
import dev.athenaeum.embedding.EmbeddingOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Single-threaded nearest-neighbour search latency and recall@k of Athenaeum's vector graph against langchain4j's
 * in-memory store, Lucene HNSW and a plain exact scan, on the same vectors and queries in one run.
 *
 * <p>Vectors are all-MiniLM-L6-v2 embeddings of real documentation passages; sizes beyond the real passages are
 * filled with mixtures of random pairs of real vectors plus a little noise. Queries are embedded real questions;
 * their embedding is not timed. Engines are timed in interleaved rounds (the machine is shared and noisy), after
 * a warm-up. Ground truth is an exact scan.
 *
 * <pre>
 * SearchLatency [--sizes 10000,100000] [--real 10000] [--queries 300] [--k 10] [--lucene-k 10,64]
 *               [--engines jvector,lucene,inmemory,exact[,jvector-large]] [--rounds 5] [--warmup-ms 3000] [--budget-s 30]
 *               [--docs DIR,DIR] [--questions FILE,FILE] [--cache DIR] [--seed 42] [--noise 0.1]
 * </pre>
 */
public final class SearchLatency {

    record Result(String engine, int n, double buildSeconds, long diskBytes, long[] nanos, double recall) {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv, Set.of());
        List<Integer> sizes = args.getList("sizes", "10000,100000").stream().map(SearchLatency::count).toList();
        int k = args.getInt("k", 10);
        List<Integer> luceneK = args.getList("lucene-k", "10,64").stream().map(Integer::parseInt).toList();
        List<String> engines = args.getList("engines", "jvector,lucene,inmemory,exact");
        int rounds = args.getInt("rounds", 5);
        long warmupMs = args.getInt("warmup-ms", 3000);
        double budgetS = args.getDouble("budget-s", 30);
        long seed = args.getInt("seed", 42);
        double noise = args.getDouble("noise", 0.1);
        RealPassages.Options passageOptions = RealPassages.Options.from(args);
        Path cacheDir = Paths2.resolve(args.get("cache", "bench/target/vector-cache"));
        Path tmpRoot = Path.of(args.get("tmp", System.getProperty("java.io.tmpdir")));

        System.out.println("# Search latency and recall: Athenaeum's vector graph vs langchain4j in-memory vs Lucene HNSW");
        System.out.println();
        System.out.print(MachineInfo.markdown());
        System.out.println();

        // Real passages.
        RealPassages real0 = passageOptions.collect();
        List<String> passages = real0.texts();
        int real = real0.size();
        int fileCount = real0.fileCount();
        List<String> queries = QuerySet.fromArgs(args, seed);

        float[][] realVectors;
        float[][] queryVectors;
        long loadStart = System.nanoTime();
        try (Embedder embedder = EmbeddingModels.open(EmbeddingModels.DEFAULT, EmbeddingOptions.fromEnvironment())) {
            System.err.printf(Locale.ROOT, "model %s loaded in %.1f s%n", embedder.name(), (System.nanoTime() - loadStart) / 1e9);
            VectorCache cache = new VectorCache(cacheDir);
            realVectors = cache.vectors("passages", embedder, passages);
            queryVectors = cache.vectors("queries", embedder, queries);
        }
        int maxN = sizes.stream().mapToInt(Integer::intValue).max().orElse(real);
        float[][] data = withDerived(realVectors, maxN, noise, seed);
        int dim = realVectors[0].length;

        System.out.println("## Data");
        System.out.println();
        System.out.printf(Locale.ROOT, "- vectors: %d real: all-MiniLM-L6-v2 (%s, %d dimensions, unit length) embeddings of "
                        + "%d-word passages (a new one every %d words) of %d markdown files in %s (%d passages there, "
                        + "taken evenly)%n", real, EmbeddingModels.DEFAULT, dim, passageOptions.words(), passageOptions.stride(), fileCount, passageOptions.docs(),
                real0.available());
        if (maxN > real) {
            System.out.println("- derived: " + DerivedVectors.describe(real, maxN, dim, noise, seed));
        }
        System.out.printf(Locale.ROOT, "- queries: %d = %s; the query embedding is not timed%n", queries.size(),
                QuerySet.DESCRIPTION);
        System.out.printf(Locale.ROOT, "- timing: one thread, k = %d; build times after a warm-up build of 2,000 vectors per engine; warm-up %d ms "
                + "of queries per engine, then up to %d interleaved rounds over all queries (an engine stops after a round once it has used %.0f s); recall@%d against "
                + "an exact scan%n", k, warmupMs, rounds, budgetS, k);
        System.out.println();

        List<Result> results = new ArrayList<>();
        for (int n : sizes) {
            results.addAll(runSize(data, n, queryVectors, k, engines, luceneK, rounds, warmupMs, budgetS, seed, tmpRoot));
            System.out.println(table(results.stream().filter(r -> r.n() == n).toList(), k));
        }

        System.out.println("## All sizes");
        System.out.println();
        System.out.println(table(results, k));
        for (Result r : results) {
            if (r.engine().startsWith("Athenaeum")) {
                long p50 = Stats.percentile(r.nanos(), 50);
                boolean met = p50 <= 1_000_000 && r.recall() >= 0.95;
                System.out.printf(Locale.ROOT, "Target at %s vectors (jvector p50 ≤ 1 ms, recall@%d ≥ 0.95)%s: %s "
                                + "(p50 %.0f µs, recall@%d %.3f)%n", count(r.n()), k,
                        r.n() >= 100_000 ? "" : " [the target is set for 100k]", met ? "MET" : "NOT MET",
                        p50 / 1e3, k, r.recall());
            }
        }
    }

    static List<Result> runSize(float[][] data, int n, float[][] queries, int k, List<String> engineNames,
                                List<Integer> luceneK, int rounds, long warmupMs, double budgetS, long seed,
                                Path tmpRoot) throws IOException {
        System.out.printf(Locale.ROOT, "## %s vectors%n%n", count(n));
        System.err.printf(Locale.ROOT, "[%s] ground truth (exact scan, all cores)…%n", count(n));
        int[][] truth = new int[queries.length][];
        IntStream.range(0, queries.length).parallel().forEach(q -> truth[q] = Neighbours.exactTopK(data, n, queries[q], k));

        List<VectorEngine> engines = new ArrayList<>();
        for (String e : engineNames) {
            switch (e) {
                case "jvector" -> engines.add(new JvectorEngine());
                case "jvector-large" -> engines.add(new JvectorEngine(true));
                case "lucene" -> luceneK.forEach(f -> engines.add(new LuceneEngine(f)));
                case "inmemory" -> engines.add(new InMemoryStoreEngine());
                case "exact" -> engines.add(new ExactScanEngine());
                default -> throw new IllegalArgumentException("unknown engine " + e + " (jvector, lucene, inmemory, exact, jvector-large)");
            }
        }
        Map<VectorEngine, Double> buildSeconds = new LinkedHashMap<>();
        Map<VectorEngine, Path> dirs = new LinkedHashMap<>();
        try {
            warmUpBuilds(data, Math.min(n, 2000), engineNames, tmpRoot);
            for (VectorEngine e : engines) {
                Path dir = Files.createTempDirectory(tmpRoot, "athenaeum-search-bench");
                dirs.put(e, dir);
                System.err.printf(Locale.ROOT, "[%s] building %s…%n", count(n), e.name());
                long t0 = System.nanoTime();
                e.build(data, n, dir);
                buildSeconds.put(e, (System.nanoTime() - t0) / 1e9);
                System.err.printf(Locale.ROOT, "[%s] built %s in %.1f s%n", count(n), e.name(), buildSeconds.get(e));
            }
            long sink = 0;
            for (VectorEngine e : engines) {
                long until = System.nanoTime() + warmupMs * 1_000_000;
                int done = 0;
                while (System.nanoTime() < until || done < Math.min(queries.length, 20)) {
                    sink += e.search(queries[done % queries.length], k).length;
                    done++;
                }
            }
            Map<VectorEngine, List<Long>> samples = new LinkedHashMap<>();
            Map<VectorEngine, Long> spent = new LinkedHashMap<>();
            engines.forEach(e -> {
                samples.put(e, new ArrayList<>());
                spent.put(e, 0L);
            });
            Random rnd = new Random(seed);
            List<Integer> order = new ArrayList<>(IntStream.range(0, queries.length).boxed().toList());
            for (int round = 0; round < rounds; round++) {
                Collections.shuffle(order, rnd);
                List<VectorEngine> turn = new ArrayList<>(engines);
                Collections.rotate(turn, round);
                for (VectorEngine e : turn) {
                    if (round > 0 && spent.get(e) > budgetS * 1e9) {
                        continue;
                    }
                    List<Long> s = samples.get(e);
                    long roundStart = System.nanoTime();
                    for (int q : order) {
                        long t0 = System.nanoTime();
                        int[] ids = e.search(queries[q], k);
                        long t = System.nanoTime() - t0;
                        sink += ids.length;
                        s.add(t);
                    }
                    spent.put(e, spent.get(e) + System.nanoTime() - roundStart);
                }
                System.err.printf(Locale.ROOT, "[%s] round %d/%d done%n", count(n), round + 1, rounds);
            }
            List<Result> out = new ArrayList<>();
            for (VectorEngine e : engines) {
                double recall = 0;
                for (int q = 0; q < queries.length; q++) {
                    recall += Neighbours.recall(e.search(queries[q], k), truth[q], k);
                }
                long[] nanos = samples.get(e).stream().mapToLong(Long::longValue).toArray();
                out.add(new Result(e.name(), n, buildSeconds.get(e), e.diskBytes(), nanos, recall / queries.length));
            }
            if (sink == 42) {
                System.err.println();
            }
            return out;
        } finally {
            for (VectorEngine e : engines) {
                e.close();
            }
            for (Path d : dirs.values()) {
                Paths2.deleteRecursively(d);
            }
        }
    }

    /** Builds and queries a small index with each engine once, so the timed builds do not pay for class loading and JIT. */
    static void warmUpBuilds(float[][] data, int n, List<String> engineNames, Path tmpRoot) throws IOException {
        for (String name : engineNames) {
            VectorEngine e = switch (name) {
                case "jvector" -> new JvectorEngine();
                case "jvector-large" -> new JvectorEngine(true);
                case "lucene" -> new LuceneEngine(10);
                case "inmemory" -> new InMemoryStoreEngine();
                default -> new ExactScanEngine();
            };
            Path dir = Files.createTempDirectory(tmpRoot, "athenaeum-search-bench-warmup");
            try (e) {
                e.build(data, n, dir);
                for (int i = 0; i < 50; i++) {
                    e.search(data[i % n], 10);
                }
            } finally {
                Paths2.deleteRecursively(dir);
            }
        }
    }

    static String table(List<Result> results, int k) {
        Table t = new Table("engine", "vectors", "build (s)", "on disk (MB)", "p50 (µs)", "p90 (µs)", "p99 (µs)",
                "mean (µs)", "recall@" + k, "p50 ÷ jvector p50", "timed queries");
        for (Result r : results) {
            Result base = results.stream().filter(x -> x.n() == r.n() && x.engine().startsWith("Athenaeum")).findFirst().orElse(null);
            long p50 = Stats.percentile(r.nanos(), 50);
            String ratio = base == null ? "" : Table.f("%.2f×", p50 / (double) Stats.percentile(base.nanos(), 50));
            t.row(r.engine(), count(r.n()), Table.f("%.1f", r.buildSeconds()),
                    r.diskBytes() < 0 ? "in memory" : Table.f("%.1f", r.diskBytes() / 1e6),
                    Table.f("%.0f", p50 / 1e3), Table.f("%.0f", Stats.percentile(r.nanos(), 90) / 1e3),
                    Table.f("%.0f", Stats.percentile(r.nanos(), 99) / 1e3), Table.f("%.0f", Stats.mean(r.nanos()) / 1e3),
                    Table.f("%.3f", r.recall()), ratio, r.nanos().length);
        }
        return t.toString();
    }

    /** The real vectors followed by derived ones up to {@code n} in all (see {@link DerivedVectors}). */
    static float[][] withDerived(float[][] real, int n, double noise, long seed) {
        return DerivedVectors.derive(real, n, noise, seed).vectors();
    }

    /** "10000", "10k", "100_000" → the number. */
    static int count(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT).replace("_", "");
        if (t.endsWith("k")) {
            return Integer.parseInt(t.substring(0, t.length() - 1)) * 1000;
        }
        if (t.endsWith("m")) {
            return Integer.parseInt(t.substring(0, t.length() - 1)) * 1_000_000;
        }
        return Integer.parseInt(t);
    }

    static String count(int n) {
        if (n % 1_000_000 == 0) {
            return n / 1_000_000 + "M";
        }
        return n % 1000 == 0 ? n / 1000 + "k" : Integer.toString(n);
    }
}
