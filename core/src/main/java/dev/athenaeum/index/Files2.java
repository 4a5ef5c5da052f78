package dev.athenaeum.index;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** File-system steps of the atomic commit that {@link Files} lacks. */
final class Files2 {

    private Files2() {
    }

    static void fsync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** Flushes a directory entry table; not possible on every platform (Windows), where it is skipped. */
    static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Directories cannot be opened for sync on Windows; NTFS journals the rename itself.
        }
    }

    static void fsyncTree(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.toList();
        }
        for (Path p : files) {
            if (Files.isRegularFile(p)) {
                fsync(p);
            }
        }
        for (Path p : files) {
            if (Files.isDirectory(p)) {
                fsyncDirectory(p);
            }
        }
    }

    /**
     * Makes {@code target} the same file as {@code source}: a hard link (no copying, and both stay valid when either
     * generation is deleted), or a copy where the file system has no links.
     */
    static void linkOrCopy(Path source, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try {
            Files.createLink(target, source);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(source, target);
        }
    }

    /** {@link #linkOrCopy} for every file of a folder tree whose name {@code include} accepts. */
    static void linkTree(Path source, Path target, java.util.function.Predicate<String> include) throws IOException {
        Files.createDirectories(target);
        List<Path> files;
        try (Stream<Path> s = Files.walk(source)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        for (Path p : files) {
            if (include.test(p.getFileName().toString())) {
                linkOrCopy(p, target.resolve(source.relativize(p).toString()));
            }
        }
    }

}
