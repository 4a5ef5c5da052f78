package dev.athenaeum.gui.tuning;

import dev.athenaeum.corpus.CorpusScanner;
import dev.athenaeum.corpus.Document;
import dev.athenaeum.corpus.DocumentLoader;
import dev.athenaeum.corpus.LoadResult;
import dev.athenaeum.corpus.ScanOptions;
import dev.athenaeum.corpus.SourceFile;
import dev.athenaeum.progress.Cancellation;

import java.util.ArrayList;
import java.util.List;

/**
 * The decoded markdown files of a knowledge base, read once and cut again for every setting tried: reading is the
 * slow part of a preview on a cold disk, cutting is tokenizing only.
 */
public record CorpusText(List<Document> documents) {

    public CorpusText {
        documents = List.copyOf(documents);
    }

    /** Reads what a build would read; files a build would skip are left out here too. */
    public static CorpusText read(ScanOptions scan, Cancellation cancel) {
        DocumentLoader loader = new DocumentLoader(scan.maxFileBytes());
        List<Document> docs = new ArrayList<>();
        for (SourceFile f : new CorpusScanner(scan).scan().files()) {
            cancel.check();
            if (loader.load(f) instanceof LoadResult.Loaded loaded) {
                docs.add(loaded.document());
            }
        }
        return new CorpusText(docs);
    }

    public List<String> fileNames() {
        return documents.stream().map(Document::file).toList();
    }
}
