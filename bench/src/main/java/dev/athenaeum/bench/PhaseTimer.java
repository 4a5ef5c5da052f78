package dev.athenaeum.bench;

import dev.athenaeum.progress.IndexProgress;
import dev.athenaeum.progress.Phase;
import dev.athenaeum.progress.ProgressListener;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a build's time goes, from the progress events IndexBuilder sends: the first event of each phase (and of
 * each writing step) marks the end of the one before. Events are sent from worker threads.
 */
final class PhaseTimer implements ProgressListener {

    /**
     * Stage names, in order. The four writing steps are GenerationWriter.write's {@code onStep} calls: chunk store;
     * BM25 index beside vector segments (vectors and graph) and window table, written at the same time; checksums;
     * manifest. Rename them here if that method's steps change.
     */
    static final List<String> STAGES = List.of("open + lock", "scan", "chunk, window", "embed", "write chunks",
            "write BM25 ‖ vectors + graph", "checksums", "manifest", "switch generation");

    private final long start = System.nanoTime();
    private final Map<String, Long> marks = new LinkedHashMap<>();
    private long end;

    @Override
    public synchronized void onProgress(IndexProgress p) {
        String key = switch (p.phase()) {
            // Embedding windows are cut before the first embedding event, so they count as chunking.
            case SCANNING -> STAGES.get(1);
            case CHUNKING -> STAGES.get(2);
            case EMBEDDING -> STAGES.get(3);
            case WRITING -> switch ((int) p.done()) {
                case 0 -> STAGES.get(4);
                case 1 -> STAGES.get(5);
                case 2 -> STAGES.get(6);
                case 3 -> STAGES.get(7);
                default -> STAGES.get(8);
            };
            case DONE -> "done";
        };
        marks.putIfAbsent(key, System.nanoTime());
        if (p.phase() == Phase.DONE) {
            end = System.nanoTime();
        }
    }

    /** Seconds per stage, in order; stages a build skipped (nothing to embed, nothing to write) are absent. */
    synchronized Map<String, Double> seconds() {
        Map<String, Double> out = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(STAGES.subList(1, STAGES.size()));
        long prev = start;
        String prevName = STAGES.get(0);
        for (String k : keys) {
            Long t = marks.get(k);
            if (t == null) {
                continue;
            }
            out.put(prevName, (t - prev) / 1e9);
            prev = t;
            prevName = k;
        }
        long stop = end != 0 ? end : System.nanoTime();
        out.put(prevName, (stop - prev) / 1e9);
        return out;
    }

    /** "scan 0.1 s, chunk 2.0 s, …" */
    static String describe(Map<String, Double> seconds) {
        StringBuilder b = new StringBuilder();
        seconds.forEach((k, v) -> b.append(b.isEmpty() ? "" : ", ").append(k).append(' ').append(Table.f("%.2f s", v)));
        return b.toString();
    }
}
