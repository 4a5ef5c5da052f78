package dev.athenaeum.index;

import dev.athenaeum.chunking.Chunk;
import dev.athenaeum.chunking.MarkdownChunker;
import dev.athenaeum.corpus.Document;
import dev.athenaeum.corpus.DocumentLoader;
import dev.athenaeum.corpus.LoadResult;
import dev.athenaeum.corpus.SkippedFile;
import dev.athenaeum.corpus.SourceFile;
import dev.athenaeum.progress.Cancellation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Reads and chunks every scanned file in parallel. A file whose bytes are unchanged since the previous generation
 * takes its chunks and vectors from there instead of being chunked and embedded again (matched by content hash,
 * so a renamed or moved file is reused too).
 */
final class ChunkingStage {

    private final MarkdownChunker chunker;
    private final DocumentLoader loader;
    private final KnowledgeIndex previous;
    private final Map<String, IndexManifest.FileEntry> previousByHash = new HashMap<>();

    ChunkingStage(MarkdownChunker chunker, DocumentLoader loader, KnowledgeIndex reusable) {
        this.chunker = chunker;
        this.loader = loader;
        this.previous = reusable;
        if (reusable != null) {
            for (IndexManifest.FileEntry e : reusable.manifest().files()) {
                previousByHash.putIfAbsent(e.sha256(), e);
            }
        }
    }

    record Result(List<PreparedFile> files, List<SkippedFile> skipped, long bytesRead) {
    }

    Result run(List<SourceFile> sources, ForkJoinPool pool, Cancellation cancel, IntConsumer onFileDone) {
        Object[] results = new Object[sources.size()];
        AtomicInteger done = new AtomicInteger();
        pool.submit(() -> IntStream.range(0, sources.size()).parallel().forEach(i -> {
            cancel.check();
            results[i] = prepare(sources.get(i));
            onFileDone.accept(done.incrementAndGet());
        })).join();
        List<PreparedFile> files = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        long bytes = 0;
        for (Object r : results) {
            if (r instanceof PreparedFile pf) {
                files.add(pf);
                bytes += pf.sizeBytes;
            } else {
                skipped.add((SkippedFile) r);
            }
        }
        return new Result(files, skipped, bytes);
    }

    private Object prepare(SourceFile source) {
        LoadResult loaded = loader.load(source);
        if (loaded instanceof LoadResult.Skipped s) {
            return s.skipped();
        }
        Document doc = ((LoadResult.Loaded) loaded).document();
        IndexManifest.FileEntry old = previousByHash.get(doc.sha256());
        if (old != null) {
            return reuse(doc, old);
        }
        List<Chunk> chunks;
        try {
            chunks = chunker.chunk(doc);
        } catch (RuntimeException e) {
            return new SkippedFile(doc.file(), "could not be parsed as markdown: " + e.getMessage());
        }
        return new PreparedFile(doc.file(), doc.sha256(), doc.sizeBytes(), doc.title(), doc.metadata(), doc.notes(),
                chunks, null, null);
    }

    private PreparedFile reuse(Document doc, IndexManifest.FileEntry old) {
        List<Chunk> chunks = new ArrayList<>(old.chunkCount());
        List<int[]> windows = new ArrayList<>(old.chunkCount());
        for (int id = old.firstChunk(); id < old.firstChunk() + old.chunkCount(); id++) {
            StoredChunk sc = previous.chunks().get(id);
            Chunk c = sc.chunk();
            chunks.add(new Chunk(doc.file(), c.headings(), c.startLine(), c.endLine(), c.text(), c.tokens()));
            windows.add(new int[] {sc.firstWindow(), sc.windowCount()});
        }
        return new PreparedFile(doc.file(), doc.sha256(), doc.sizeBytes(), doc.title(), doc.metadata(), doc.notes(),
                chunks, windows, old.file());
    }
}
