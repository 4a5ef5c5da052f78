package dev.athenaeum.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.athenaeum.embedding.Embedder;
import dev.athenaeum.embedding.EmbeddingModels;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP server as a user runs it ({@code ./athenaeum serve}), measured from outside: cold start to the first
 * {@code /search} answer, warm {@code /search} latency of one client (the query's embedding included), throughput
 * and errors under many concurrent clients, and the server process's resident memory. Indexes of the wanted sizes
 * are built once by core's {@code IndexBuilder} from real documentation text, with vectors derived from real
 * embeddings ({@link SyntheticIndex}), and kept under {@code --work}.
 *
 * <p>Each size gets: one cold start with no class data archive (the launcher creates it on that run), then
 * {@code --runs} cold starts with it; where the start-up time goes ({@link StartupPhases}, in a JVM started the same
 * way); then one long-running server for the warm latency test, the load test and the memory readings. Servers run
 * with the launcher's JVM options plus {@code --server-opts} (passed as {@code ATHENAEUM_JAVA_OPTS});
 * {@code --memory-opts} lists further option sets whose memory and load behaviour is measured at the largest size.
 * {@code --build-only} builds (or finds) the indexes and stops.
 *
 * <pre>
 * ServerBench [--sizes 10k,100k] [--runs 5] [--duration 60] [--clients 200] [--warmup-s 20] [--rounds 5]
 *             [--work /tmp/athenaeum-server-bench] [--server-opts "…"] [--memory-opts "-Xmx256m;-Xmx128m"]
 *             [--phase-runs 3] [--queries 300] [--real 10000] [--noise 0.1] [--seed 42] [--sections-per-file 50]
 *             [--docs DIR,DIR] [--questions FILE,FILE] [--cache DIR] [--keep-cds] [--build-only]
 * </pre>
 */
public final class ServerBench {

    static final double COLD_START_TARGET_MS = 1500;
    static final int COLD_START_TARGET_SIZE = 10_000;
    static final double P50_TARGET_MS = 15;
    static final double P99_TARGET_MS = 50;
    static final int LATENCY_TARGET_SIZE = 100_000;
    static final double RSS_TARGET_MIB = 512;
    static final int MEMORY_TARGET_SIZE = 100_000;

    /** One cold start: whether the class data archive existed before it, and when /health and /search first said 200. */
    record ColdRun(int run, boolean archiveExisted, double healthMs, double searchMs, double rssMib) {
    }

    /** Memory and load behaviour of a server run with some JVM options. */
    record MemoryRun(String opts, String jvm, ProcStatus idle, ProcStatus afterLoad, LoadStats load) {
    }

    record SizeResult(SyntheticIndex.Built index, List<ColdRun> cold, Map<String, Double> phases, int phaseRuns,
                      LoadStats latency, LoadStats load, Map<String, ProcStatus> memory, List<MemoryRun> variants) {
    }

    private final Path home = Paths2.home();
    private final Path work;
    private final String serverOpts;
    private final int clients;
    private final long durationMs;
    private final long warmupMs;
    private final int rounds;
    private final long seed;
    private final int timeoutMs;
    private final int readyTimeoutS;
    private final List<byte[]> bodies;
    private final String java = ProcessHandle.current().info().command().orElse("java");

    private ServerBench(Path work, String serverOpts, int clients, long durationMs, long warmupMs, int rounds,
                        long seed, int timeoutMs, int readyTimeoutS, List<byte[]> bodies) {
        this.work = work;
        this.serverOpts = serverOpts;
        this.clients = clients;
        this.durationMs = durationMs;
        this.warmupMs = warmupMs;
        this.rounds = rounds;
        this.seed = seed;
        this.timeoutMs = timeoutMs;
        this.readyTimeoutS = readyTimeoutS;
        this.bodies = bodies;
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv, Set.of("keep-cds", "build-only"));
        List<Integer> sizes = args.getList("sizes", "10k,100k").stream().map(SearchLatency::count).sorted().toList();
        int runs = args.getInt("runs", 5);
        double durationS = args.getDouble("duration", 60);
        int clients = args.getInt("clients", 200);
        double warmupS = args.getDouble("warmup-s", 20);
        int rounds = args.getInt("rounds", 5);
        int phaseRuns = args.getInt("phase-runs", 3);
        double noise = args.getDouble("noise", 0.1);
        long seed = args.getInt("seed", 42);
        int perFile = args.getInt("sections-per-file", 50);
        int timeoutS = args.getInt("timeout-s", 180);
        String serverOpts = args.get("server-opts", "").strip();
        List<String> memoryOpts = splitOptionSets(args.get("memory-opts", "-Xmx256m;-Xmx128m"));
        Path work = Paths2.resolve(args.get("work", "/tmp/athenaeum-server-bench"));
        RealPassages.Options passageOptions = RealPassages.Options.from(args);
        Path cacheDir = Paths2.resolve(args.get("cache", "bench/target/vector-cache"));

        System.out.println("# HTTP server: cold start, warm /search latency, load and memory");
        System.out.println();
        System.out.print(MachineInfo.markdown());
        System.out.println();

        RealPassages passages = passageOptions.collect();
        SyntheticIndex.Recipe recipe = new SyntheticIndex.Recipe(passages, null, noise, seed, perFile);
        List<SyntheticIndex.Built> indexes = new ArrayList<>();
        if (sizes.stream().allMatch(n -> SyntheticIndex.cached(work, recipe, n))) {
            for (int n : sizes) {
                indexes.add(SyntheticIndex.get(work, recipe, n, null));
            }
        } else {
            try (Embedder model = SyntheticIndex.openRealModel()) {
                float[][] realVectors = new VectorCache(cacheDir).vectors("passages", model, passages.texts());
                SyntheticIndex.Recipe full = new SyntheticIndex.Recipe(passages, realVectors, noise, seed, perFile);
                for (int n : sizes) {
                    indexes.add(SyntheticIndex.get(work, full, n, model));
                }
            }
        }
        if (args.flag("build-only")) {
            for (SyntheticIndex.Built b : indexes) {
                System.out.printf(Locale.ROOT, "- %s index: %s; in %s%n", SearchLatency.count(b.size()), b.note(), b.dir());
            }
            return;
        }
        List<String> queries = QuerySet.fromArgs(args, seed);
        ObjectMapper json = new ObjectMapper();
        List<byte[]> bodies = new ArrayList<>();
        for (String q : queries) {
            bodies.add(json.writeValueAsBytes(Map.of("query", q)));
        }
        ServerBench bench = new ServerBench(work, serverOpts, clients, Math.round(durationS * 1000),
                Math.round(warmupS * 1000), rounds, seed, Math.max(1000, args.getInt("request-timeout-s", 60) * 1000),
                timeoutS, bodies);

        int maxN = sizes.get(sizes.size() - 1);
        System.out.println("## Data and method");
        System.out.println();
        System.out.printf(Locale.ROOT, "- index text: one `## ` section per chunk, %d sections a markdown file. Section i < %d "
                        + "is passage i of %d real %d-word passages (a new one every %d words, taken evenly from the %d "
                        + "there are) of %d markdown files in %s, cleaned of code fences and leading markup; section i ≥ "
                        + "%d joins the first w of passage a's words to the last 1−w of passage b's, for the a, b, w of "
                        + "derived vector i below. Headings name the source documents and end in §i.%n", perFile,
                passages.size(), passages.size(), passageOptions.words(), passageOptions.stride(), passages.available(),
                passages.fileCount(), passageOptions.docs(),
                passages.size());
        System.out.printf(Locale.ROOT, "- vectors: not the in-process model (100k chunks would take about an hour to embed "
                + "here) but a bench-only embedder reporting the real model's name (%s), tokenizer and window size, so "
                + "core's IndexBuilder cuts, windows and indexes exactly as for real (Lucene BM25, chunk store, vector "
                + "graph) and the server loads the real model for queries. Chunk i's vector is passage i's real "
                + "embedding (all-MiniLM-L6-v2, cached in %s) for i < %d; derived: %s. Each window of a chunk gets the "
                + "chunk's vector plus Gaussian noise of length ≈ %.2f drawn from the window's text. The %s index is "
                + "built the same way.%n", EmbeddingModels.DEFAULT, cacheDir, passages.size(),
                DerivedVectors.describe(passages.size(), Math.max(maxN, passages.size() + 1), 384, noise, seed), noise,
                SearchLatency.count(sizes.get(0)));
        for (SyntheticIndex.Built b : indexes) {
            System.out.printf(Locale.ROOT, "- %s index: %s; %.0f MB on disk in %s%n", SearchLatency.count(b.size()),
                    b.note(), SyntheticIndex.diskBytes(b) / 1e6, b.dir());
        }
        System.out.printf(Locale.ROOT, "- server: `%s serve --index DIR --port PORT`, the launcher's JVM options (its "
                        + "start-up cache: on Java 25+ -XX:AOTCache=app/target/athenaeum.aot, made by a warm-up run of "
                        + "index, search, serve and the workbench; before, class data sharing; and for serve " + SERVE_DEFAULTS
                        + ": %s)%s; retrieval-only chat; output to %s/logs%n", bench.home.resolve("athenaeum"),
                bench.jvmDescription(SERVE_DEFAULTS), serverOpts.isEmpty() ? "" : " plus ATHENAEUM_JAVA_OPTS=\"" + serverOpts + "\" ("
                        + bench.jvmDescription(serverOpts) + ")", work);
        System.out.printf(Locale.ROOT, "- requests: POST /search {\"query\": …} (hybrid, top_k 5: the API defaults) with "
                + "%d queries = %s; client on this machine over loopback (raw HTTP/1.1 keep-alive sockets, virtual "
                + "threads), sharing its cores with the server%n", queries.size(), QuerySet.DESCRIPTION);
        System.out.printf(Locale.ROOT, "- cold start: from the process start to the first 200 of GET /health and then of "
                        + "POST /search (polled every 5 ms), with the index and jars in the page cache; run 0 starts "
                        + "without the class data archive (%s), runs 1..%d use it; the median is over runs 1..%d. "
                        + "Start-up phases: %d runs (after one that creates their own archive) of StartupPhases, the "
                        + "serve command's steps timed in a JVM started the same way%n",
                args.flag("keep-cds") ? "unless it was already there: --keep-cds" : "deleted first", runs, runs, phaseRuns);
        System.out.printf(Locale.ROOT, "- warm latency: one client, %.0f s of warm-up requests, then %d rounds over all "
                        + "queries in shuffled order, one request at a time; load: %d clients on one connection each, "
                        + "started together, for %.0f s; throughput = answers with status 200 ÷ time until the last "
                        + "answer%n",
                warmupS, rounds, clients, durationS);
        System.out.printf(Locale.ROOT, "- memory: VmRSS/VmHWM (and VmRSS's parts) from /proc/PID/status of the server's "
                + "JVM, in MiB: idle 2 s after its first answer, after the latency test, after the load test%n");
        System.out.println();

        // The launcher's start-up cache: ahead-of-time on Java 25+, class data sharing before.
        Path archive = bench.home.resolve(Runtime.version().feature() >= 25 ? "app/target/athenaeum.aot" : "app/target/athenaeum.jsa");
        if (!args.flag("keep-cds")) {
            Files.deleteIfExists(archive);
        }
        List<SizeResult> results = new ArrayList<>();
        for (SyntheticIndex.Built b : indexes) {
            System.err.printf(Locale.ROOT, "[%s] cold starts…%n", SearchLatency.count(b.size()));
            List<ColdRun> cold = new ArrayList<>();
            for (int r = 0; r <= runs; r++) {
                cold.add(bench.coldStart(b, r, archive));
            }
            System.err.printf(Locale.ROOT, "[%s] start-up phases…%n", SearchLatency.count(b.size()));
            Map<String, Double> phases = phaseRuns > 0 ? bench.phases(b, phaseRuns) : Map.of();
            System.err.printf(Locale.ROOT, "[%s] warm latency and load…%n", SearchLatency.count(b.size()));
            SizeResult r = bench.warmAndLoad(b, cold, phases, phaseRuns,
                    b.size() == maxN ? memoryOpts : List.of());
            results.add(r);
            print(r, bench);
        }

        System.out.println("## All sizes");
        System.out.println();
        System.out.println(summary(results, clients, durationS));
        for (SizeResult r : results) {
            targets(r, clients, durationS).forEach(System.out::println);
        }
    }

    /** "-Xmx256m;-Xmx128m -XX:+UseSerialGC" → the option sets; "none" or empty → none. */
    static List<String> splitOptionSets(String s) {
        if (s == null || s.isBlank() || s.strip().equals("none")) {
            return List.of();
        }
        return Arrays.stream(s.split(";")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    private List<String> serveCommand(SyntheticIndex.Built b, int port) {
        return List.of(home.resolve("athenaeum").toString(), "serve", "--index", b.dir().toString(),
                "--host", ServerProcess.HOST, "--port", Integer.toString(port));
    }

    private ServerProcess startServer(SyntheticIndex.Built b, String opts, String label) throws IOException {
        int port = ServerProcess.freePort();
        Path log = work.resolve("logs").resolve("server-" + SearchLatency.count(b.size()) + "-" + label + ".log");
        return ServerProcess.start(serveCommand(b, port), Map.of("ATHENAEUM_JAVA_OPTS", opts), port, log);
    }

    private Duration readyTimeout() {
        return Duration.ofSeconds(readyTimeoutS);
    }

    ColdRun coldStart(SyntheticIndex.Built b, int run, Path archive) throws Exception {
        boolean archived = Files.isRegularFile(archive);
        try (ServerProcess p = startServer(b, serverOpts, "cold-" + run)) {
            double health = p.awaitStatus200("/health", null, readyTimeout());
            double search = p.awaitStatus200("/search", bodies.get(run % bodies.size()), readyTimeout());
            double rss = p.status().rssMib();
            System.err.printf(Locale.ROOT, "[%s] cold start %d%s: /health %.0f ms, /search %.0f ms, RSS %.0f MiB%n",
                    SearchLatency.count(b.size()), run, archived ? "" : " (no class data archive yet)", health, search,
                    rss);
            return new ColdRun(run, archived, health, search, rss);
        }
    }

    /** Median milliseconds of each start-up phase over {@code runs} runs, after one run that creates the archive. */
    Map<String, Double> phases(SyntheticIndex.Built b, int runs) throws Exception {
        Path archive = work.resolve("startup-phases.jsa");
        Files.deleteIfExists(archive);
        Map<String, List<Double>> all = new LinkedHashMap<>();
        for (int r = 0; r <= runs; r++) {
            Map<String, Double> one = phaseRun(b, archive);
            if (r > 0) {
                one.forEach((k, v) -> all.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
            }
        }
        Map<String, Double> median = new LinkedHashMap<>();
        all.forEach((k, v) -> median.put(k, Stats.median(v.stream().mapToDouble(Double::doubleValue).toArray())));
        return median;
    }

    private Map<String, Double> phaseRun(SyntheticIndex.Built b, Path archive) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off,aot*=off"));
        if (!serverOpts.isEmpty()) {
            cmd.addAll(Arrays.asList(serverOpts.split("\\s+")));
        }
        String cp = String.join(File.pathSeparator, home.resolve("bench/target/athenaeum-bench.jar").toString(),
                home.resolve("app/target/athenaeum-app.jar").toString(), home.resolve("app/target/lib/*").toString());
        cmd.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-Dathenaeum.home=" + home, "-cp", cp));
        int launchedAt = cmd.size();
        cmd.add("");
        cmd.addAll(List.of(StartupPhases.class.getName(), "--index", b.dir().toString()));
        cmd.set(launchedAt, "-Dbench.launched-at=" + ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Map<String, Double> out = new LinkedHashMap<>();
        StringBuilder other = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split("\t");
                if (f.length == 3 && f[0].equals("phase")) {
                    out.put(f[1], Double.parseDouble(f[2]));
                } else {
                    other.append(line).append('\n');
                }
            }
        }
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0 || out.isEmpty()) {
            p.destroyForcibly();
            throw new IOException("StartupPhases failed:\n" + other);
        }
        return out;
    }

    SizeResult warmAndLoad(SyntheticIndex.Built b, List<ColdRun> cold, Map<String, Double> phases, int phaseRuns,
                           List<String> memoryOpts) throws Exception {
        Map<String, ProcStatus> memory = new LinkedHashMap<>();
        LoadStats latency;
        LoadStats load;
        try (ServerProcess p = startServer(b, serverOpts, "warm")) {
            awaitReady(p);
            Thread.sleep(2000);
            memory.put("idle after start", p.status());
            HttpLoad http = new HttpLoad(ServerProcess.HOST, p.port(), "/search", bodies, timeoutMs);
            latency = http.sequential(warmupMs, rounds, seed);
            memory.put("after the latency test", p.status());
            System.err.printf(Locale.ROOT, "[%s] warm latency: p50 %.1f ms, p99 %.1f ms (%d requests, errors: %s)%n",
                    SearchLatency.count(b.size()), latency.percentileMillis(50), latency.percentileMillis(99),
                    latency.requests(), latency.describeErrors());
            load = http.concurrent(clients, durationMs);
            memory.put("after the load test", p.status());
            System.err.printf(Locale.ROOT, "[%s] load: %.0f requests/s, p50 %.0f ms, p99 %.0f ms, errors: %s%n",
                    SearchLatency.count(b.size()), load.throughput(), load.percentileMillis(50),
                    load.percentileMillis(99), load.describeErrors());
        }
        List<MemoryRun> variants = new ArrayList<>();
        for (String opts : memoryOpts) {
            String all = (serverOpts + " " + opts).strip();
            System.err.printf(Locale.ROOT, "[%s] memory with %s…%n", SearchLatency.count(b.size()), all);
            try (ServerProcess p = startServer(b, all, "memory-" + variants.size())) {
                awaitReady(p);
                Thread.sleep(2000);
                ProcStatus idle = p.status();
                HttpLoad http = new HttpLoad(ServerProcess.HOST, p.port(), "/search", bodies, timeoutMs);
                LoadStats l = http.concurrent(clients, durationMs);
                variants.add(new MemoryRun(all, jvmDescription(all), idle, p.status(), l));
            }
        }
        return new SizeResult(b, cold, phases, phaseRuns, latency, load, memory, variants);
    }

    private void awaitReady(ServerProcess p) throws Exception {
        p.awaitStatus200("/health", null, readyTimeout());
        p.awaitStatus200("/search", bodies.get(0), readyTimeout());
    }

    /** What ./athenaeum adds for serve unless ATHENAEUM_JAVA_OPTS sets a heap size or collector. */
    static final String SERVE_DEFAULTS = "-Xmx256m -XX:+UseSerialGC";

    /** The heap and collector a server JVM gets with these options on this machine: "max heap 5.9 GiB, G1". */
    String jvmDescription(String opts) {
        List<String> cmd = new ArrayList<>(List.of(java));
        if (!opts.isBlank()) {
            cmd.addAll(Arrays.asList(opts.strip().split("\\s+")));
        }
        cmd.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            return describeFlags(out);
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static final Set<String> GARBAGE_COLLECTORS = Set.of("UseSerialGC", "UseParallelGC", "UseG1GC", "UseZGC",
            "UseShenandoahGC", "UseEpsilonGC");

    /** From -XX:+PrintFlagsFinal output: "max heap 5.9 GiB, G1". */
    static String describeFlags(String flags) {
        long maxHeap = -1;
        String gc = "?";
        for (String line : flags.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length < 4) {
                continue;
            }
            if (f[1].equals("MaxHeapSize")) {
                maxHeap = Long.parseLong(f[3]);
            } else if (GARBAGE_COLLECTORS.contains(f[1]) && f[3].equals("true")) {
                gc = f[1].substring(3, f[1].length() - 2);
            }
        }
        String heap = maxHeap < 0 ? "?" : maxHeap >= 1L << 30
                ? String.format(Locale.ROOT, "%.1f GiB", maxHeap / (double) (1L << 30))
                : String.format(Locale.ROOT, "%d MiB", maxHeap >> 20);
        return "max heap " + heap + ", " + gc + " collector";
    }

    static void print(SizeResult r, ServerBench bench) {
        String size = SearchLatency.count(r.index().size());
        System.out.printf(Locale.ROOT, "## %s chunks%n%n", size);
        System.out.println("Cold start (process start → first 200):");
        System.out.println();
        Table cold = new Table("run", "class data archive", "GET /health (ms)", "POST /search (ms)", "RSS then (MiB)");
        for (ColdRun c : r.cold()) {
            cold.row(c.run(), c.archiveExisted() ? "used" : "created on this run", Table.f("%.0f", c.healthMs()),
                    Table.f("%.0f", c.searchMs()), Table.f("%.0f", c.rssMib()));
        }
        double[] h = warmRuns(r, true);
        double[] s = warmRuns(r, false);
        if (s.length > 0) {
            cold.row("median of runs with the archive", "", Table.f("%.0f", Stats.median(h)), Table.f("%.0f", Stats.median(s)), "");
        }
        System.out.println(cold);
        if (!r.phases().isEmpty()) {
            System.out.printf(Locale.ROOT, "Where start-up time goes (StartupPhases: serve's steps one after another, "
                    + "median of %d runs; serve itself loads the model while it opens the index and starts the HTTP "
                    + "server):%n%n", r.phaseRuns());
            Table t = new Table("step", "ms", "since JVM start (ms)");
            double sum = 0;
            for (Map.Entry<String, Double> e : r.phases().entrySet()) {
                sum += e.getValue();
                t.row(e.getKey(), Table.f("%.0f", e.getValue()), Table.f("%.0f", sum));
            }
            System.out.println(t);
        }
        System.out.println("Requests:");
        System.out.println();
        System.out.println(requestTable(List.of(new RequestRow("one client, sequential (warm)", 1, r.latency()),
                new RequestRow("load", bench.clients, r.load()))));
        System.out.println("Server memory (MiB):");
        System.out.println();
        Table m = new Table("when", "VmRSS", "RssAnon (heap, native)", "RssFile (jars, archive, index maps)", "VmHWM (peak)");
        r.memory().forEach((when, st) -> m.row(when, Table.f("%.0f", st.rssMib()), Table.f("%.0f", st.mib("RssAnon")),
                Table.f("%.0f", st.mib("RssFile")), Table.f("%.0f", st.peakMib())));
        System.out.println(m);
        if (!r.variants().isEmpty()) {
            System.out.println("Memory with other JVM options (a fresh server each, idle, then the same load test):");
            System.out.println();
            Table v = new Table("ATHENAEUM_JAVA_OPTS", "JVM", "idle VmRSS", "VmRSS after load", "RssAnon after load",
                    "RssFile after load", "VmHWM", "requests/s", "p50 (ms)", "p99 (ms)", "errors");
            for (MemoryRun mr : r.variants()) {
                v.row(mr.opts(), mr.jvm(), Table.f("%.0f", mr.idle().rssMib()), Table.f("%.0f", mr.afterLoad().rssMib()),
                        Table.f("%.0f", mr.afterLoad().mib("RssAnon")), Table.f("%.0f", mr.afterLoad().mib("RssFile")),
                        Table.f("%.0f", mr.afterLoad().peakMib()), Table.f("%.0f", mr.load().throughput()),
                        Table.f("%.0f", mr.load().percentileMillis(50)), Table.f("%.0f", mr.load().percentileMillis(99)),
                        mr.load().describeErrors());
            }
            System.out.println(v);
        }
    }

    private static double[] warmRuns(SizeResult r, boolean health) {
        return r.cold().stream().filter(c -> c.run() > 0)
                .mapToDouble(c -> health ? c.healthMs() : c.searchMs()).toArray();
    }

    record RequestRow(String test, int clients, LoadStats stats) {
    }

    static Table requestTable(List<RequestRow> rows) {
        Table t = new Table("test", "clients", "requests", "errors", "seconds", "requests/s", "p50 (ms)", "p90 (ms)",
                "p99 (ms)", "mean (ms)", "max (ms)");
        for (RequestRow row : rows) {
            LoadStats s = row.stats();
            t.row(row.test(), row.clients(), s.requests(), s.describeErrors(), Table.f("%.1f", s.seconds()),
                    Table.f("%.0f", s.throughput()), Table.f("%.1f", s.percentileMillis(50)),
                    Table.f("%.1f", s.percentileMillis(90)), Table.f("%.1f", s.percentileMillis(99)),
                    Table.f("%.1f", s.meanMillis()), Table.f("%.1f", s.maxMillis()));
        }
        return t;
    }

    static String summary(List<SizeResult> results, int clients, double durationS) {
        Table t = new Table("chunks", "cold start: /health (ms)", "cold start: /search (ms)", "warm p50 (ms)",
                "warm p99 (ms)", "load requests/s", "load p50 (ms)", "load p99 (ms)", "load errors", "RSS idle (MiB)",
                "RSS after load (MiB)", "peak RSS (MiB)");
        for (SizeResult r : results) {
            double[] h = warmRuns(r, true);
            double[] s = warmRuns(r, false);
            ProcStatus idle = r.memory().get("idle after start");
            ProcStatus after = r.memory().get("after the load test");
            t.row(SearchLatency.count(r.index().size()), h.length == 0 ? "–" : Table.f("%.0f", Stats.median(h)),
                    s.length == 0 ? "–" : Table.f("%.0f", Stats.median(s)),
                    Table.f("%.1f", r.latency().percentileMillis(50)), Table.f("%.1f", r.latency().percentileMillis(99)),
                    Table.f("%.0f", r.load().throughput()), Table.f("%.0f", r.load().percentileMillis(50)),
                    Table.f("%.0f", r.load().percentileMillis(99)), r.load().errorCount(),
                    Table.f("%.0f", idle.rssMib()), Table.f("%.0f", after.rssMib()), Table.f("%.0f", after.peakMib()));
        }
        return t + Table.f("(cold start: median of the runs with the class data archive; load: %d clients for %.0f s)%n",
                clients, durationS);
    }

    /** The "Target …: MET/NOT MET (value)" lines for one size. */
    static List<String> targets(SizeResult r, int clients, double durationS) {
        List<String> out = new ArrayList<>();
        int n = r.index().size();
        String size = SearchLatency.count(n);
        double[] s = warmRuns(r, false);
        if (s.length > 0) {
            double median = Stats.median(s);
            out.add(Table.f("Target at %s chunks: cold start to the first /search answer ≤ %.1f s%s: %s (median %.2f s "
                            + "over %d runs; first run, creating the class data archive: %.2f s)", size,
                    COLD_START_TARGET_MS / 1000, n == COLD_START_TARGET_SIZE ? "" : " [the target is set for 10k]",
                    metOrNot(median <= COLD_START_TARGET_MS), median / 1000, s.length, r.cold().get(0).searchMs() / 1000));
        }
        double p50 = r.latency().percentileMillis(50);
        double p99 = r.latency().percentileMillis(99);
        out.add(Table.f("Target at %s chunks: warm /search p50 ≤ %.0f ms, p99 ≤ %.0f ms%s: %s (p50 %.1f ms, p99 %.1f "
                        + "ms, %d requests, errors: %s)", size, P50_TARGET_MS, P99_TARGET_MS,
                n == LATENCY_TARGET_SIZE ? "" : " [the target is set for 100k]",
                metOrNot(p50 <= P50_TARGET_MS && p99 <= P99_TARGET_MS && r.latency().errorCount() == 0), p50, p99,
                r.latency().requests(), r.latency().describeErrors()));
        out.add(Table.f("Target at %s chunks: %d concurrent clients for %.0f s with zero errors: %s (%d requests, "
                        + "errors: %s; %.0f requests/s, p50 %.0f ms, p99 %.0f ms)", size, clients, durationS,
                metOrNot(r.load().errorCount() == 0 && r.load().ok() > 0), r.load().requests(),
                r.load().describeErrors(), r.load().throughput(), r.load().percentileMillis(50),
                r.load().percentileMillis(99)));
        ProcStatus idle = r.memory().get("idle after start");
        ProcStatus after = r.memory().get("after the load test");
        out.add(Table.f("Target at %s chunks: server RSS ≤ %.0f MiB idle and after the load test%s: %s (idle %.0f MiB, "
                        + "after load %.0f MiB = %.0f MiB anonymous (heap, native) + %.0f MiB mapped files, peak %.0f MiB)", size,
                RSS_TARGET_MIB, n == MEMORY_TARGET_SIZE ? "" : " [the target is set for 100k]",
                metOrNot(idle.rssMib() <= RSS_TARGET_MIB && after.rssMib() <= RSS_TARGET_MIB), idle.rssMib(),
                after.rssMib(), after.mib("RssAnon"), after.mib("RssFile") + after.mib("RssShmem"), after.peakMib()));
        for (MemoryRun v : r.variants()) {
            boolean met = v.idle().rssMib() <= RSS_TARGET_MIB && v.afterLoad().rssMib() <= RSS_TARGET_MIB;
            out.add(Table.f("  with ATHENAEUM_JAVA_OPTS=\"%s\" (%s): %s (idle %.0f MiB, after load %.0f MiB = %.0f MiB "
                            + "anonymous + %.0f MiB mapped files, peak %.0f MiB; load: %.0f requests/s, p99 %.0f ms, "
                            + "errors: %s)", v.opts(), v.jvm(),
                    metOrNot(met && v.load().errorCount() == 0), v.idle().rssMib(), v.afterLoad().rssMib(),
                    v.afterLoad().mib("RssAnon"), v.afterLoad().mib("RssFile") + v.afterLoad().mib("RssShmem"),
                    v.afterLoad().peakMib(), v.load().throughput(), v.load().percentileMillis(99),
                    v.load().describeErrors()));
        }
        return out;
    }

    private static String metOrNot(boolean met) {
        return met ? "MET" : "NOT MET";
    }
}
