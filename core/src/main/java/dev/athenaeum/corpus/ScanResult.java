package dev.athenaeum.corpus;

import java.util.List;

/** The files a scan found, in a stable order, and what it left out. */
public record ScanResult(List<SourceFile> files, List<SkippedFile> skipped) {

    public ScanResult {
        files = List.copyOf(files);
        skipped = List.copyOf(skipped);
    }
}
