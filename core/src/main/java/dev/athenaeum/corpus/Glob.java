package dev.athenaeum.corpus;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * A path pattern in gitignore spirit: a pattern without {@code /} matches any single path segment (a file or
 * folder name anywhere); a pattern with {@code /} matches the whole {@code /}-separated relative path, where a
 * leading {@code **}{@code /} may also match nothing.
 */
public final class Glob {

    private final String pattern;
    private final PathMatcher matcher;
    private final PathMatcher rootMatcher;
    private final boolean segmentPattern;

    private Glob(String pattern) {
        this.pattern = pattern;
        String p = pattern.startsWith("/") ? pattern.substring(1) : pattern;
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        this.segmentPattern = !p.contains("/");
        try {
            this.matcher = FileSystems.getDefault().getPathMatcher("glob:" + p);
            this.rootMatcher = p.startsWith("**/")
                    ? FileSystems.getDefault().getPathMatcher("glob:" + p.substring(3))
                    : null;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid glob pattern '" + pattern + "': " + e.getMessage(), e);
        }
    }

    public static Glob of(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("a glob pattern must not be empty");
        }
        return new Glob(pattern.trim());
    }

    public static List<Glob> all(List<String> patterns) {
        return patterns.stream().map(Glob::of).toList();
    }

    /** Whether the pattern matches {@code relativePath} ({@code /}-separated) or, for a segment pattern, any of its segments. */
    public boolean matches(String relativePath) {
        if (segmentPattern) {
            for (String segment : relativePath.split("/")) {
                if (!segment.isEmpty() && matcher.matches(Path.of(segment))) {
                    return true;
                }
            }
            return false;
        }
        Path p = Path.of(relativePath);
        return matcher.matches(p) || (rootMatcher != null && rootMatcher.matches(p));
    }

    /** Whether the pattern matches the file name alone. */
    public boolean matchesName(String fileName) {
        return segmentPattern && matcher.matches(Path.of(fileName));
    }

    public static boolean anyMatches(List<Glob> globs, String relativePath) {
        for (Glob g : globs) {
            if (g.matches(relativePath)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return pattern;
    }
}
