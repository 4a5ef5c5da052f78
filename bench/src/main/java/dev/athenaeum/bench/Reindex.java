package dev.athenaeum.bench;

import dev.athenaeum.chunking.ChunkSettings;
import dev.athenaeum.embedding.Embedder;
import dev.athenaeum.index.BuildReport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Re-indexing after a small edit: builds a corpus of N real markdown files (npm docs, then Node.js API docs cut at
 * their headings), indexes it fully, then appends a paragraph to one file and updates the index, and updates it once
 * more with nothing changed. Targets: an edit re-indexes in ≤ 2 s and ≤ 5% of the full build.
 *
 * <pre>
 * Reindex [--files 1000] [--repeats 3] [--node-docs /usr/share/doc/nodejs/api] [--npm-docs testdata/npm-docs] [--keep]
 * </pre>
 */
public final class Reindex {

    static final String[] PARAGRAPHS = {
            "## Troubleshooting upgrades\n\nIf a program stops with `ERR_REQUIRE_ESM` after an upgrade, a dependency has "
                    + "most likely moved to ES modules. Load it with a dynamic `import()` from CommonJS code, or rename the "
                    + "calling file to `.mjs`. Running `node --trace-warnings app.js` shows where a warning comes from, and "
                    + "`npm ls <package>` tells which version of the dependency is installed and why.\n",
            "## Notes from production\n\nOn containers with a small memory limit, set `--max-old-space-size` below the "
                    + "limit so that the garbage collector runs before the kernel stops the process. Log the value of "
                    + "`process.memoryUsage().rss` at start-up and at intervals; a steady climb usually means a cache without "
                    + "an upper bound rather than a leak in Node.js itself.\n",
            "## Working behind a proxy\n\nSet `HTTPS_PROXY` and `NO_PROXY` in the environment, or `proxy` and "
                    + "`https-proxy` in `.npmrc`, before installing. When the proxy re-signs TLS traffic, point `cafile` at "
                    + "the company certificate instead of turning off `strict-ssl`, which would accept any certificate.\n",
    };

    record Run(String label, String changed, Builds.Timed timed) {

        BuildReport report() {
            return timed.report();
        }
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv, Set.of("keep"));
        int files = args.getInt("files", 1000);
        int repeats = Math.max(1, args.getInt("repeats", 3));
        Path nodeDocs = Paths2.resolve(args.get("node-docs", "/usr/share/doc/nodejs/api"));
        String npm = args.get("npm-docs", "testdata/npm-docs");
        Path npmDocs = npm.isBlank() || npm.equals("none") ? null : Paths2.resolve(npm);

        System.out.println("# Re-indexing one changed file");
        System.out.println();
        System.out.print(MachineInfo.markdown());
        System.out.println();

        Path tmp = Files.createTempDirectory("athenaeum-reindex-bench");
        Path corpus = tmp.resolve("corpus");
        Path index = tmp.resolve("index");
        try {
            List<CorpusMaker.Item> items = CorpusMaker.plan(files, nodeDocs, npmDocs);
            long bytes = CorpusMaker.write(items, corpus);
            long npmCount = items.stream().filter(i -> i.path().startsWith("npm/")).count();
            System.out.printf(Locale.ROOT, "Corpus: %d files, %.2f MB in %s: %d npm docs files (%s) and %d sections of the "
                            + "Node.js API docs (%s) cut at their '## ' headings (the largest further at '### ' and deeper "
                            + "until there were enough files)%n%n", items.size(), bytes / 1e6, corpus, npmCount, npmDocs,
                    items.size() - npmCount, nodeDocs);

            // Files to edit: ones of typical size (the median, then the 40th and 60th percentiles by size).
            List<CorpusMaker.Item> bySize = new ArrayList<>(items);
            bySize.sort(Comparator.comparingInt(i -> i.text().length()));
            double[] at = {0.5, 0.4, 0.6, 0.3, 0.7};

            List<Run> runs = new ArrayList<>();
            try (Embedder embedder = Builds.openWarm()) {
                System.err.println("full build…");
                Builds.Timed full = Builds.build(embedder, corpus, index, ChunkSettings.DEFAULT, true);
                runs.add(new Run("full build", "all " + items.size() + " files", full));
                System.err.printf(Locale.ROOT, "full build: %.1f s%n", Builds.seconds(full.report().elapsed()));
                for (int r = 0; r < repeats; r++) {
                    Builds.Timed none = Builds.build(embedder, corpus, index, ChunkSettings.DEFAULT, false);
                    runs.add(new Run("no change #" + (r + 1), "none", none));
                }
                for (int r = 0; r < repeats; r++) {
                    CorpusMaker.Item target = bySize.get((int) (at[r % at.length] * (bySize.size() - 1)));
                    Path file = corpus.resolve(target.path());
                    Files.writeString(file, "\n" + PARAGRAPHS[r % PARAGRAPHS.length], StandardCharsets.UTF_8,
                            StandardOpenOption.APPEND);
                    Builds.Timed changed = Builds.build(embedder, corpus, index, ChunkSettings.DEFAULT, false);
                    runs.add(new Run("one file edited #" + (r + 1),
                            target.path() + " (" + target.text().length() / 1024 + " KB) + 1 paragraph", changed));
                    System.err.printf(Locale.ROOT, "edit %d: %.2f s%n", r + 1, Builds.seconds(changed.report().elapsed()));
                }
            }

            double fullS = Builds.seconds(runs.get(0).report().elapsed());
            Table t = new Table("run", "changed", "files embedded", "chunks embedded", "windows embedded", "elapsed (s)",
                    "model time (s)", "% of full build");
            for (Run r : runs) {
                BuildReport b = r.report();
                t.row(r.label(), r.changed(), b.filesEmbedded(), b.chunksEmbedded(), b.windowsEmbedded(),
                        Table.f("%.2f", Builds.seconds(b.elapsed())), Table.f("%.2f", Builds.seconds(b.modelTime())),
                        Table.f("%.2f%%", 100 * Builds.seconds(b.elapsed()) / fullS));
            }
            System.out.println(t);

            List<String> header = new ArrayList<>(List.of("run"));
            header.addAll(PhaseTimer.STAGES);
            Table stages = new Table(header.toArray(String[]::new));
            for (Run r : runs) {
                List<Object> cells = new ArrayList<>(List.of(r.label()));
                for (String stage : PhaseTimer.STAGES) {
                    Double sec = r.timed().stages().get(stage);
                    cells.add(sec == null ? "–" : Table.f("%.2f", sec));
                }
                stages.row(cells.toArray());
            }
            System.out.println("Where the time went (seconds; from IndexBuilder's progress events):");
            System.out.println();
            System.out.println(stages);

            double[] edited = runs.stream().filter(r -> r.label().startsWith("one file")).mapToDouble(r -> Builds.seconds(r.report().elapsed())).toArray();
            double[] unchanged = runs.stream().filter(r -> r.label().startsWith("no change")).mapToDouble(r -> Builds.seconds(r.report().elapsed())).toArray();
            double editMedian = Stats.median(edited);
            double noneMedian = Stats.median(unchanged);
            Table summary = new Table("files", "MB", "full build (s)", "one file edited, median (s)", "edited ÷ full",
                    "no change, median (s)", "no change ÷ full");
            summary.row(items.size(), Table.f("%.2f", bytes / 1e6), Table.f("%.1f", fullS), Table.f("%.2f", editMedian),
                    Table.f("%.2f%%", 100 * editMedian / fullS), Table.f("%.2f", noneMedian),
                    Table.f("%.2f%%", 100 * noneMedian / fullS));
            System.out.println(summary);
            boolean fast = editMedian <= 2.0;
            boolean small = editMedian / fullS <= 0.05;
            System.out.printf(Locale.ROOT, "Target: one edited file re-indexed in ≤ 2 s: %s (%.2f s); ≤ 5%% of the full build: %s (%.2f%%)%n",
                    fast ? "MET" : "NOT MET", editMedian, small ? "MET" : "NOT MET", 100 * editMedian / fullS);
            System.out.println("Times are in-process (IndexBuilder.build), with the model already loaded: a command-line "
                    + "run adds JVM start-up and model load.");
        } finally {
            if (args.flag("keep")) {
                System.err.println("kept " + tmp);
            } else {
                Paths2.deleteRecursively(tmp);
            }
        }
    }
}
