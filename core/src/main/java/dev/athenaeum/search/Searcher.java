package dev.athenaeum.search;

import dev.athenaeum.corpus.Glob;
import dev.athenaeum.embedding.Embedder;
import dev.athenaeum.index.IndexFormatException;
import dev.athenaeum.index.KeywordIndex;
import dev.athenaeum.index.KnowledgeIndex;
import dev.athenaeum.index.StoredChunk;
import dev.athenaeum.index.WindowVectors;
import dev.athenaeum.progress.Futures;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Answers {@link SearchRequest}s against an open index. Dense search finds the nearest embedding windows and
 * scores each chunk by its best window; keyword search is Lucene BM25; hybrid fuses both rankings.
 * Thread-safe.
 */
public final class Searcher {

    /** Candidates each side contributes before fusion, per result asked for. */
    private static final int CANDIDATES_PER_RESULT = 4;
    private static final int MIN_CANDIDATES = 50;
    /**
     * Weights of the normalised dense and keyword scores in hybrid mode, chosen on two real documentation sets
     * (docs/benchmarks.md): keyword evidence helps most as the junior partner. Recall was flat for keyword weights
     * from 0.7 to 1.0 on both sets; 0.8 sits in the middle.
     */
    private static final double DENSE_WEIGHT = 1.0;
    private static final double KEYWORD_WEIGHT = 0.8;

    private final KnowledgeIndex index;
    /** Done at once, except for {@link #whileLoading}; holds null for a searcher without a model (keyword only). */
    private final CompletableFuture<Embedder> embedder;

    public Searcher(KnowledgeIndex index, Embedder embedder) {
        this(index, CompletableFuture.completedFuture(checked(index, embedder)));
    }

    private Searcher(KnowledgeIndex index, CompletableFuture<Embedder> embedder) {
        this.index = index;
        this.embedder = embedder;
    }

    /**
     * A searcher whose embedding model is still loading, so that a server can open its index and start listening
     * meanwhile: a search that needs the model waits until it is loaded, and fails as loading failed (or as the
     * model does not match the index).
     */
    public static Searcher whileLoading(KnowledgeIndex index, CompletableFuture<Embedder> loading) {
        return new Searcher(index, loading.thenApply(e -> checked(index, e)));
    }

    private static Embedder checked(KnowledgeIndex index, Embedder embedder) {
        String built = index.manifest().embedding().model();
        if (embedder != null && !built.equals(embedder.name())) {
            throw new IndexFormatException("this index was built with " + built + "; searching it with "
                    + embedder.name() + " would compare unrelated vectors");
        }
        return embedder;
    }

    /**
     * Waits for the embedding model (returns at once unless made {@link #whileLoading}); throws as its loading failed,
     * or as it does not match the index.
     */
    public void awaitModel() {
        embedder();
    }

    private Embedder embedder() {
        return Futures.join(embedder);
    }

    public List<SearchHit> search(SearchRequest request) {
        int candidates = Math.max(MIN_CANDIDATES, request.topK() * CANDIDATES_PER_RESULT);
        BitSet files = request.pathGlob() == null ? null : matchingFiles(Glob.of(request.pathGlob()));
        List<RankFusion.Ranked> ranked = switch (request.mode()) {
            case DENSE -> dense(request.query(), candidates, files);
            case KEYWORD -> keyword(request.query(), candidates, files);
            case HYBRID -> hybrid(request.query(), candidates, files);
        };
        List<SearchHit> hits = new ArrayList<>(request.topK());
        Set<String> seenTexts = new HashSet<>();
        Set<String> sections = new HashSet<>();
        for (RankFusion.Ranked r : ranked) {
            if (hits.size() == request.topK()) {
                break;
            }
            StoredChunk sc = index.chunks().get(r.id());
            // Documentation repeats itself (the same option text on many pages); one copy per result list.
            if (!seenTexts.add(normalised(sc.chunk().text()))) {
                continue;
            }
            // A long section cut into several chunks would otherwise fill the list with one answer.
            if (!sections.add(sc.chunk().file() + "#" + String.join("\u0000", sc.chunk().headings()))) {
                continue;
            }
            hits.add(new SearchHit(r.id(), sc.chunk().file(), sc.chunk().headings(), sc.chunk().startLine(),
                    sc.chunk().endLine(), r.score(), sc.chunk().text()));
        }
        return hits;
    }

    private List<RankFusion.Ranked> hybrid(String query, int candidates, BitSet files) {
        return RankFusion.convex(List.of(dense(query, candidates, files), keyword(query, candidates, files)),
                new double[] {DENSE_WEIGHT, KEYWORD_WEIGHT});
    }

    /** Chunks ranked by the cosine similarity of their best window to the query. */
    List<RankFusion.Ranked> dense(String query, int limit, BitSet files) {
        Embedder model = embedder();
        if (model == null) {
            throw new IllegalStateException("dense search needs the embedding model");
        }
        float[] q = model.embedQuery(query);
        java.util.function.IntPredicate accept = files == null ? null : chunk -> files.get(index.chunks().fileIndexOf(chunk));
        // Several windows of one chunk may come back; ask for more windows than chunks needed.
        Map<Integer, Double> best = new LinkedHashMap<>();
        for (WindowVectors.Match m : index.vectors().search(q, limit * 2, accept)) {
            best.merge(m.chunk(), m.cosine(), Math::max);
        }
        List<RankFusion.Ranked> out = new ArrayList<>();
        best.forEach((id, s) -> out.add(new RankFusion.Ranked(id, s)));
        out.sort((a, b) -> Double.compare(b.score(), a.score()));
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    List<RankFusion.Ranked> keyword(String query, int limit, BitSet files) {
        List<String> names = null;
        if (files != null) {
            names = new ArrayList<>();
            for (int f = files.nextSetBit(0); f >= 0; f = files.nextSetBit(f + 1)) {
                names.add(index.fileNames().get(f));
            }
        }
        List<RankFusion.Ranked> out = new ArrayList<>();
        for (KeywordIndex.Hit h : index.keywords().search(query, limit, names)) {
            out.add(new RankFusion.Ranked(h.chunk(), h.score()));
        }
        return out;
    }

    private BitSet matchingFiles(Glob glob) {
        BitSet set = new BitSet();
        List<String> names = index.fileNames();
        for (int i = 0; i < names.size(); i++) {
            if (glob.matches(names.get(i))) {
                set.set(i);
            }
        }
        return set;
    }

    private static String normalised(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

}
