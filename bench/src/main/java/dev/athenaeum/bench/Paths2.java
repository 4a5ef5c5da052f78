package dev.athenaeum.bench;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** File helpers the benchmarks share. */
final class Paths2 {

    private Paths2() {
    }

    /** The checkout the benchmark runs from: {@code -Dathenaeum.home}, else the working directory. */
    static Path home() {
        return Path.of(System.getProperty("athenaeum.home", ".")).toAbsolutePath().normalize();
    }

    /** {@code p} as given when absolute, else resolved against {@link #home()}. */
    static Path resolve(String p) {
        Path path = Path.of(p);
        return path.isAbsolute() ? path : home().resolve(path);
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static long sizeOf(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }
}
