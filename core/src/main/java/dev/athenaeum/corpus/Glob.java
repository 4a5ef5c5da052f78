package dev.athenaeum.corpus;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A path pattern in gitignore spirit: a pattern without {@code /} matches any single path segment (a file or
 * folder name anywhere); a pattern with {@code /} (a leading one included, which anchors a plain name to the root)
 * matches the whole {@code /}-separated relative path, where a leading {@code **}{@code /} and every inner
 * {@code /}{@code **}{@code /} may also match no folder at all.
 */
public final class Glob {

    /** Most {@code **} a pattern may hold; each doubles the matchers needed for "may match no folder". */
    private static final int MAX_DOUBLE_STARS = 8;

    private final String pattern;
    private final PathMatcher matcher;
    private final List<PathMatcher> matchers;
    private final boolean segmentPattern;

    private Glob(String pattern) {
        this.pattern = pattern;
        String p = pattern;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        this.segmentPattern = !p.contains("/");
        if (p.startsWith("/")) {
            p = p.substring(1);
        }
        try {
            this.matcher = FileSystems.getDefault().getPathMatcher("glob:" + p);
            List<PathMatcher> all = new ArrayList<>();
            for (String variant : zeroFolderVariants(p)) {
                all.add(FileSystems.getDefault().getPathMatcher("glob:" + variant));
            }
            this.matchers = List.copyOf(all);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid glob pattern '" + pattern + "': " + e.getMessage(), e);
        }
    }

    /**
     * The pattern and its forms where a leading {@code **}{@code /} or an inner {@code /}{@code **}{@code /} stands
     * for no folder at all, as in gitignore: {@code docs/**}{@code /*.md} also matches {@code docs/intro.md}.
     */
    private static List<String> zeroFolderVariants(String p) {
        if (p.split("\\*\\*", -1).length - 1 > MAX_DOUBLE_STARS) {
            throw new IllegalArgumentException("too many ** (at most " + MAX_DOUBLE_STARS + ")");
        }
        Set<String> out = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(p);
        while (!todo.isEmpty()) {
            String s = todo.poll();
            if (!out.add(s)) {
                continue;
            }
            if (s.startsWith("**/")) {
                todo.add(s.substring(3));
            }
            for (int i = s.indexOf("/**/"); i >= 0; i = s.indexOf("/**/", i + 1)) {
                todo.add(s.substring(0, i) + s.substring(i + 3));
            }
        }
        return List.copyOf(out);
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
        for (PathMatcher m : matchers) {
            if (m.matches(p)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the pattern matches the file name alone. */
    public boolean matchesName(String fileName) {
        return segmentPattern && matcher.matches(Path.of(fileName));
    }

    /** Whether this is a pattern for one name (no {@code /}) rather than for a whole relative path. */
    public boolean isSegmentPattern() {
        return segmentPattern;
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
