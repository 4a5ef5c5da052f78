package dev.athenaeum.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What to read: root folders, which files count (include globs), what to leave out (exclude globs) and the
 * largest file to read. Build with {@link #builder()}; invalid values fail there.
 */
public record ScanOptions(List<Path> roots, List<String> include, List<String> exclude, long maxFileBytes) {

    public static final List<String> DEFAULT_INCLUDE = List.of("*.md", "*.markdown");
    public static final List<String> DEFAULT_EXCLUDE = List.of(
            ".git", ".hg", ".svn", "node_modules", "target", "build", "dist", ".venv", "venv", "__pycache__",
            ".idea", ".vscode", ".obsidian", ".trash", ".Trash");
    public static final long DEFAULT_MAX_FILE_BYTES = 10L * 1024 * 1024;

    public ScanOptions {
        roots = List.copyOf(roots);
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("at least one folder to index is required");
        }
        if (include.isEmpty()) {
            throw new IllegalArgumentException("at least one include pattern is required");
        }
        if (maxFileBytes < 1) {
            throw new IllegalArgumentException("the file size limit must be positive, got " + maxFileBytes);
        }
        Glob.all(include);
        Glob.all(exclude);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.roots.addAll(roots);
        b.include = new ArrayList<>(include);
        b.exclude = new ArrayList<>(exclude);
        b.maxFileBytes = maxFileBytes;
        return b;
    }

    public static final class Builder {
        private final List<Path> roots = new ArrayList<>();
        private List<String> include = new ArrayList<>(DEFAULT_INCLUDE);
        private List<String> exclude = new ArrayList<>(DEFAULT_EXCLUDE);
        private long maxFileBytes = DEFAULT_MAX_FILE_BYTES;

        public Builder root(Path root) {
            roots.add(root);
            return this;
        }

        public Builder roots(List<Path> more) {
            roots.addAll(more);
            return this;
        }

        public Builder include(List<String> patterns) {
            include = new ArrayList<>(patterns);
            return this;
        }

        /** Adds patterns to the default exclusions. */
        public Builder exclude(List<String> patterns) {
            exclude.addAll(patterns);
            return this;
        }

        /** Replaces the exclusions, defaults included. */
        public Builder excludeOnly(List<String> patterns) {
            exclude = new ArrayList<>(patterns);
            return this;
        }

        public Builder maxFileBytes(long bytes) {
            maxFileBytes = bytes;
            return this;
        }

        public ScanOptions build() {
            return new ScanOptions(roots, include, exclude, maxFileBytes);
        }
    }
}
