package dev.athenaeum.corpus;

import java.nio.file.Path;

/**
 * A file found by a scan. {@code file} is its name in the index: the path relative to its root, {@code /}-separated,
 * prefixed with the root's name when several roots are scanned.
 */
public record SourceFile(Path path, String file, long sizeBytes) {
}
