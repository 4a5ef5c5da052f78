package dev.athenaeum.gui.workspace;

import dev.athenaeum.corpus.CorpusScanner;
import dev.athenaeum.corpus.ScanResult;
import dev.athenaeum.embedding.Embedder;
import dev.athenaeum.index.BuildReport;
import dev.athenaeum.index.IndexBuilder;
import dev.athenaeum.index.IndexDirectory;
import dev.athenaeum.index.KnowledgeIndex;
import dev.athenaeum.progress.Cancellation;
import dev.athenaeum.progress.ProgressListener;
import dev.athenaeum.search.SearchHit;
import dev.athenaeum.search.SearchMode;
import dev.athenaeum.search.SearchRequest;
import dev.athenaeum.search.Searcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The work a knowledge base can do, for background threads: scan, build, search, find a result's file. The index is
 * opened on first search and reopened after each build, since a build switches to a new generation. Everything here
 * blocks; view models call it through the task runner, never on the UI thread.
 */
public final class KnowledgeBaseSession implements AutoCloseable {

    private final Models models;
    private volatile KnowledgeBase knowledgeBase;
    private KnowledgeIndex index;

    public KnowledgeBaseSession(KnowledgeBase knowledgeBase, Models models) {
        this.knowledgeBase = knowledgeBase;
        this.models = models;
    }

    public KnowledgeBase knowledgeBase() {
        return knowledgeBase;
    }

    /** Takes effect at the next build; the open index stays searchable until then. */
    public void update(KnowledgeBase changed) {
        this.knowledgeBase = changed;
    }

    /** The knowledge base's embedding model, loaded on first use: its tokenizer measures chunks, it embeds questions. */
    public Embedder embedder() {
        return models.get(knowledgeBase.embeddingModel());
    }

    public boolean hasIndex() {
        return new IndexDirectory(knowledgeBase.indexDir()).exists();
    }

    /** Scans one folder the way a build would; for the file counts next to each source. */
    public ScanResult scan(Path folder) {
        return new CorpusScanner(knowledgeBase.scanOptions(List.of(folder))).scan();
    }

    public BuildReport build(ProgressListener progress, Cancellation cancellation) throws IOException {
        KnowledgeBase kb = knowledgeBase;
        BuildReport report = new IndexBuilder(models.get(kb.embeddingModel())).build(kb.buildRequest(), progress,
                cancellation);
        synchronized (this) {
            closeIndex();
        }
        return report;
    }

    public synchronized List<SearchHit> search(SearchRequest request) throws IOException {
        if (index == null) {
            index = KnowledgeIndex.open(knowledgeBase.indexDir());
        }
        // Keyword search needs no model; the others use the one the index was built with.
        Searcher searcher = new Searcher(index, request.mode() == SearchMode.KEYWORD ? null
                : models.get(index.manifest().embedding().model()));
        return searcher.search(request);
    }

    /**
     * A searcher over an index opened apart from this session's (for chat and the HTTP server, which must not see
     * it closed by a rebuild midway); the caller closes {@code opened}.
     */
    public Searcher searcherFor(KnowledgeIndex opened) {
        return new Searcher(opened, models.get(opened.manifest().embedding().model()));
    }

    /**
     * The file on disk behind a result's file name: among the folders the open index was built from (names depend
     * on them), or the knowledge base's folders before the first search.
     */
    public Optional<Path> locate(String file) {
        List<Path> roots;
        synchronized (this) {
            roots = index == null ? knowledgeBase.sources()
                    : index.manifest().sources().roots().stream().map(Path::of).toList();
        }
        return CorpusScanner.locate(roots, file);
    }

    @Override
    public synchronized void close() throws IOException {
        closeIndex();
    }

    private void closeIndex() throws IOException {
        if (index != null) {
            index.close();
            index = null;
        }
    }
}
