package dev.athenaeum.gui.tuning;

import dev.athenaeum.chunking.ChunkSettings;
import dev.athenaeum.embedding.Embedder;
import dev.athenaeum.eval.RetrievalEvaluator;
import dev.athenaeum.eval.RetrievalScore;
import dev.athenaeum.eval.TestQuestion;
import dev.athenaeum.gui.workspace.KnowledgeBase;
import dev.athenaeum.index.BuildReport;
import dev.athenaeum.index.IndexDirectory;
import dev.athenaeum.index.IndexManifest;
import dev.athenaeum.index.KnowledgeIndex;
import dev.athenaeum.progress.Cancellation;
import dev.athenaeum.progress.ProgressListener;
import dev.athenaeum.search.SearchMode;
import dev.athenaeum.search.Searcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One measurement of the test questions, for a background thread: answers located in the files as they are now,
 * then the same evaluator and hybrid search as {@code athenaeum eval} over the knowledge base's index and over the
 * trial index with {@code settings}.
 */
final class Measurement {

    private Measurement() {
    }

    static Evaluation run(KnowledgeBase kb, List<TestQuestion> asked, ChunkSettings settings, Embedder embedder,
                          ScratchIndex scratch, ProgressListener progress, Cancellation cancel) throws IOException {
        List<TestQuestion> resolved = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            TestQuestion q = asked.get(i);
            try {
                resolved.add(AnswerLocation.of(q).resolve(q.id(), q.question(), kb.sources()));
                positions.add(i);
                notes.add(null);
            } catch (IllegalArgumentException e) {
                notes.add(e.getMessage());
            }
        }
        RetrievalScore last = null;
        ChunkSettings lastSettings = null;
        if (new IndexDirectory(kb.indexDir()).exists()) {
            try (KnowledgeIndex index = KnowledgeIndex.open(kb.indexDir())) {
                IndexManifest.Chunking c = index.manifest().chunking();
                lastSettings = ChunkSettings.of(c.chunkSize(), c.chunkOverlap());
                last = measure(index, embedder, resolved);
            }
        }
        cancel.check();
        long t0 = System.nanoTime();
        BuildReport trial = scratch.build(kb, settings, embedder, progress, cancel);
        long trialMillis = (System.nanoTime() - t0) / 1_000_000;
        Path trialDir = scratch.indexDir();
        RetrievalScore now;
        try (KnowledgeIndex index = KnowledgeIndex.open(trialDir)) {
            now = measure(index, embedder, resolved);
        }
        return new Evaluation(last, lastSettings, now, settings, positions, notes, trialMillis, trial.chunksEmbedded());
    }

    private static RetrievalScore measure(KnowledgeIndex index, Embedder embedder, List<TestQuestion> resolved) {
        return new RetrievalEvaluator(new Searcher(index, embedder)).evaluate(resolved, SearchMode.HYBRID);
    }
}
