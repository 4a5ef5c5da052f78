package dev.athenaeum.corpus;

/** Either a readable document or the reason a file was skipped. */
public sealed interface LoadResult {

    record Loaded(Document document) implements LoadResult {
    }

    record Skipped(SkippedFile skipped) implements LoadResult {
    }
}
