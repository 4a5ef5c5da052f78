package dev.athenaeum.corpus;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the files to index under one or more roots. Problems with single files or folders are collected as
 * {@link SkippedFile}s and never stop the scan; only a root that does not exist is an error.
 */
public final class CorpusScanner {

    private final ScanOptions options;
    private final List<Glob> include;
    private final List<Glob> exclude;

    public CorpusScanner(ScanOptions options) {
        this.options = options;
        this.include = Glob.all(options.include());
        this.exclude = Glob.all(options.exclude());
    }

    public ScanResult scan() {
        List<Candidate> candidates = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        Map<Path, String> prefixes = rootPrefixes(options.roots());
        for (Path root : options.roots()) {
            Path absolute = root.toAbsolutePath().normalize();
            if (!Files.exists(absolute)) {
                throw new IllegalArgumentException("folder not found: " + root);
            }
            if (Files.isRegularFile(absolute)) {
                candidates.add(new Candidate(absolute, absolute.getParent(), prefixes.get(root) + absolute.getFileName()));
                continue;
            }
            walk(absolute, prefixes.get(root), candidates, skipped);
        }
        List<SourceFile> files = new ArrayList<>();
        addAll(candidates, files, skipped);
        files.sort(Comparator.comparing(SourceFile::file));
        skipped.sort(Comparator.comparing(SkippedFile::file));
        return new ScanResult(files, skipped);
    }

    /**
     * The file on disk behind a name this scanner gave (e.g. a search result's file), or empty when no root has
     * it; names are relative to their root, prefixed by the root's folder name when there are several roots.
     */
    public static Optional<Path> locate(List<Path> roots, String name) {
        Map<Path, String> prefixes = rootPrefixes(roots);
        for (Path root : roots) {
            Path absolute = root.toAbsolutePath().normalize();
            String prefix = prefixes.get(root);
            if (Files.isRegularFile(absolute)) {
                if (name.equals(prefix + absolute.getFileName())) {
                    return Optional.of(absolute);
                }
            } else if (name.startsWith(prefix)) {
                Path candidate = absolute.resolve(name.substring(prefix.length())).normalize();
                if (candidate.startsWith(absolute) && Files.isRegularFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** A file the walk found, before links to the same file are told apart. */
    private record Candidate(Path file, Path root, String name) {
    }

    /**
     * With several roots, each folder's files are prefixed with its folder name so names stay unique; a root that
     * is a single file is named by its file name alone.
     */
    private static Map<Path, String> rootPrefixes(List<Path> roots) {
        Map<Path, String> prefixes = new HashMap<>();
        if (roots.size() == 1) {
            prefixes.put(roots.get(0), "");
            return prefixes;
        }
        Set<String> used = new HashSet<>();
        for (Path root : roots) {
            Path abs = root.toAbsolutePath().normalize();
            if (Files.isRegularFile(abs)) {
                prefixes.put(root, "");
                continue;
            }
            String name = abs.getFileName() == null ? "root" : abs.getFileName().toString();
            String candidate = name;
            for (int i = 2; !used.add(candidate); i++) {
                candidate = name + "-" + i;
            }
            prefixes.put(root, candidate + "/");
        }
        return prefixes;
    }

    private void walk(Path root, String prefix, List<Candidate> candidates, List<SkippedFile> skipped) {
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            if (dir.equals(root)) {
                                return FileVisitResult.CONTINUE;
                            }
                            String rel = relative(root, dir);
                            return Glob.anyMatches(exclude, rel) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            String rel = relative(root, file);
                            if (!isIncluded(rel) || Glob.anyMatches(exclude, rel)) {
                                return FileVisitResult.CONTINUE;
                            }
                            if (attrs.isSymbolicLink()) {
                                skipped.add(new SkippedFile(prefix + rel, "broken symbolic link"));
                                return FileVisitResult.CONTINUE;
                            }
                            if (!attrs.isRegularFile()) {
                                return FileVisitResult.CONTINUE;
                            }
                            candidates.add(new Candidate(file, root, prefix + rel));
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            String rel = relative(root, file);
                            // The root itself failing (e.g. unreadable) has no relative name: use the one the user gave.
                            String name = rel.isEmpty() ? (prefix.isEmpty() ? root.toString() : prefix) : prefix + rel;
                            if (e instanceof FileSystemLoopException) {
                                skipped.add(new SkippedFile(name, "symbolic link loop: the link leads back into a folder that contains it"));
                            } else if (e instanceof AccessDeniedException) {
                                skipped.add(new SkippedFile(name, "cannot read: permission denied"));
                            } else if (e instanceof NoSuchFileException) {
                                skipped.add(new SkippedFile(name, "disappeared while scanning"));
                            } else {
                                skipped.add(new SkippedFile(name, "cannot read: " + e.getMessage()));
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            skipped.add(new SkippedFile(prefix.isEmpty() ? root.toString() : prefix, "cannot read folder: " + e.getMessage()));
        }
    }

    /**
     * Keeps one path per real file. Which one must not depend on the order the file system lists folders in: a
     * path that reaches the file without passing through a link wins, then the first name in sort order.
     */
    private void addAll(List<Candidate> candidates, List<SourceFile> files, List<SkippedFile> skipped) {
        record Resolved(Candidate candidate, Path real, boolean viaLink) {
        }
        Map<Path, Path> realRoots = new HashMap<>();
        List<Resolved> resolved = new ArrayList<>();
        for (Candidate c : candidates) {
            try {
                Path real = c.file().toRealPath();
                Path realRoot = realRoots.get(c.root());
                if (realRoot == null) {
                    realRoot = c.root().toRealPath();
                    realRoots.put(c.root(), realRoot);
                }
                boolean viaLink = !realRoot.resolve(c.root().relativize(c.file())).equals(real);
                resolved.add(new Resolved(c, real, viaLink));
            } catch (AccessDeniedException e) {
                skipped.add(new SkippedFile(c.name(), "cannot read: permission denied"));
            } catch (NoSuchFileException e) {
                skipped.add(new SkippedFile(c.name(), "disappeared while scanning"));
            } catch (IOException e) {
                skipped.add(new SkippedFile(c.name(), "cannot read: " + e.getMessage()));
            }
        }
        resolved.sort(Comparator.comparing(Resolved::viaLink).thenComparing(r -> r.candidate().name()));
        Map<Path, String> kept = new HashMap<>();
        for (Resolved r : resolved) {
            String name = r.candidate().name();
            String first = kept.putIfAbsent(r.real(), name);
            if (first != null) {
                skipped.add(new SkippedFile(name, "same file as " + first + ", already indexed"
                        + (r.viaLink() ? " (reached through a link)" : "")));
                continue;
            }
            add(r.candidate().file(), r.real(), name, files, skipped);
        }
    }

    private void add(Path file, Path real, String name, List<SourceFile> files, List<SkippedFile> skipped) {
        try {
            long size = Files.size(real);
            if (size > options.maxFileBytes()) {
                skipped.add(new SkippedFile(name, "too large: " + Sizes.human(size) + " is over the "
                        + Sizes.human(options.maxFileBytes()) + " limit (raise the file size limit to include it)"));
                return;
            }
            if (!Files.isReadable(real)) {
                skipped.add(new SkippedFile(name, "cannot read: permission denied"));
                return;
            }
            files.add(new SourceFile(file, name, size));
        } catch (AccessDeniedException e) {
            skipped.add(new SkippedFile(name, "cannot read: permission denied"));
        } catch (IOException e) {
            skipped.add(new SkippedFile(name, "cannot read: " + e.getMessage()));
        }
    }

    /** A name pattern ({@code *.md}) is about the file's own name, never the folders above it. */
    private boolean isIncluded(String rel) {
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        for (Glob g : include) {
            if (g.isSegmentPattern() ? g.matchesName(name) : g.matches(rel)) {
                return true;
            }
        }
        return false;
    }

    static String relative(Path root, Path file) {
        Path rel = root.relativize(file);
        StringBuilder sb = new StringBuilder();
        for (Path part : rel) {
            if (!sb.isEmpty()) {
                sb.append('/');
            }
            sb.append(part);
        }
        return sb.toString();
    }
}
