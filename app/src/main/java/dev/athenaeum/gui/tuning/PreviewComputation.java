package dev.athenaeum.gui.tuning;

import dev.athenaeum.chunking.Chunk;
import dev.athenaeum.chunking.ChunkSettings;
import dev.athenaeum.chunking.MarkdownChunker;
import dev.athenaeum.chunking.TextTokenizer;
import dev.athenaeum.corpus.Document;
import dev.athenaeum.progress.Cancellation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/** Cuts every document with one set of settings; polls for cancellation between documents, for large corpora. */
final class PreviewComputation {

    private PreviewComputation() {
    }

    static ChunkPreview run(CorpusText corpus, TextTokenizer tokenizer, ChunkSettings settings, String file,
                            Cancellation cancel, IntConsumer filesDone) {
        long started = System.nanoTime();
        MarkdownChunker chunker = new MarkdownChunker(settings, tokenizer);
        List<Integer> sizes = new ArrayList<>();
        List<ChunkRow> rows = new ArrayList<>();
        String shown = file != null && corpus.fileNames().contains(file) ? file
                : corpus.documents().isEmpty() ? null : corpus.documents().get(0).file();
        int done = 0;
        for (Document doc : corpus.documents()) {
            cancel.check();
            List<Chunk> chunks = chunker.chunk(doc);
            chunks.forEach(c -> sizes.add(c.tokens()));
            if (doc.file().equals(shown)) {
                for (int i = 0; i < chunks.size(); i++) {
                    rows.add(ChunkRow.of(i + 1, chunks.get(i)));
                }
            }
            filesDone.accept(++done);
        }
        List<Integer> sorted = sizes.stream().sorted().toList();
        int median = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
        return new ChunkPreview(settings, shown, rows, SizeHistogram.of(sizes, settings.chunkSize()),
                corpus.documents().size(), sizes.size(), median, (System.nanoTime() - started) / 1_000_000);
    }
}
