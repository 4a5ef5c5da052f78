package dev.athenaeum.index;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folder of an index and its generations. Each build writes a complete new generation beside the current one
 * and then switches the {@code CURRENT} pointer with an atomic rename, so a crash or cancel at any moment leaves
 * the previous generation in place and readable.
 *
 * <pre>
 * OUT/CURRENT            name of the live generation
 * OUT/gen-000007/        a complete generation (manifest.json last)
 * OUT/gen-000008.partial a build in progress, or the leftovers of one that died
 * OUT/.lock              held while a build runs
 * </pre>
 */
public final class IndexDirectory {

    static final String CURRENT = "CURRENT";
    static final String LOCK = ".lock";
    private static final Pattern GENERATION = Pattern.compile("gen-(\\d{6,})");
    private static final Pattern PARTIAL = Pattern.compile("gen-(\\d{6,})\\.partial");

    private final Path root;

    public IndexDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** The live generation's folder, if this folder holds an index. */
    public Optional<Path> current() {
        Path pointer = root.resolve(CURRENT);
        if (Files.isRegularFile(pointer)) {
            try {
                String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
                if (GENERATION.matcher(name).matches() && Files.isDirectory(root.resolve(name))) {
                    return Optional.of(root.resolve(name));
                }
            } catch (IOException e) {
                // Fall through to the newest complete generation.
            }
        }
        // A crash between renaming the generation and switching the pointer leaves a complete generation without
        // a pointer; the newest generation with a manifest is the index then.
        return generations().stream()
                .filter(g -> Files.isRegularFile(g.resolve(IndexLayout.MANIFEST)))
                .max(Comparator.comparingLong(IndexDirectory::number));
    }

    public boolean exists() {
        return current().isPresent();
    }

    /** Refuses folders that hold other things, so a build never writes into somebody's documents. */
    void checkUsable() throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        if (!Files.isDirectory(root)) {
            throw new IndexFormatException(root + " is a file, not a folder for an index");
        }
        try (Stream<Path> entries = Files.list(root)) {
            boolean foreign = entries.map(p -> p.getFileName().toString())
                    .anyMatch(n -> !n.equals(CURRENT) && !n.equals(LOCK) && !n.equals(CURRENT + ".tmp")
                            && !GENERATION.matcher(n).matches() && !PARTIAL.matcher(n).matches());
            if (foreign && !exists()) {
                throw new IndexFormatException(root + " is not empty and holds no Athenaeum index: choose a new or empty folder for the index");
            }
        }
    }

    /**
     * Index folders whose build lock this JVM holds. OS file locks belong to the whole process, and closing any
     * channel of the lock file may drop the lock another channel of the same process holds (POSIX); so a second
     * build in this JVM is refused here, before it ever opens the lock file.
     */
    private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    /** Takes the build lock, failing at once if another build, in this process or another, holds it. */
    BuildLock lock() throws IOException {
        Files.createDirectories(root);
        Path key = root.toRealPath();
        if (!HELD_IN_THIS_JVM.add(key)) {
            throw anotherBuild();
        }
        try {
            FileChannel ch = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                // Some other code of this JVM locked the file directly.
                ch.close();
                throw anotherBuild();
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
            if (lock == null) {
                // Held by another process; this process holds no lock on the file, so closing is harmless.
                ch.close();
                throw anotherBuild();
            }
            return new BuildLock(ch, lock, key);
        } catch (IOException | RuntimeException e) {
            HELD_IN_THIS_JVM.remove(key);
            throw e;
        }
    }

    private IndexFormatException anotherBuild() {
        return new IndexFormatException("another build is updating " + root + " right now; wait for it to finish");
    }

    /**
     * Deletes partial generations. Call only while holding the build lock: then no build is writing one, and any
     * partial folder is the leftover of a build that died or was killed.
     */
    void removeLeftoverPartials() throws IOException {
        for (Path p : list(PARTIAL)) {
            FileTrees.delete(p);
        }
    }

    /** Creates the folder for the next generation; leftovers of dead builds are removed first. */
    Path newPartial() throws IOException {
        removeLeftoverPartials();
        long next = generations().stream().mapToLong(IndexDirectory::number).max().orElse(0) + 1;
        Path partial = root.resolve(String.format("gen-%06d.partial", next));
        Files.createDirectories(partial);
        return partial;
    }

    /**
     * Makes {@code target}, a folder without an index, an index holding this one's live generation: its files hard
     * linked where the file system allows (nothing copied, and each side stays valid when the other is deleted),
     * copied elsewhere. Returns false, writing nothing, when there is no live generation.
     */
    public boolean linkLiveGenerationInto(Path target) throws IOException {
        Optional<Path> live = current();
        if (live.isEmpty()) {
            return false;
        }
        String name = live.get().getFileName().toString();
        Files2.linkTree(live.get(), target.resolve(name), file -> true);
        Files.writeString(target.resolve(CURRENT), name + "\n", StandardCharsets.UTF_8);
        return true;
    }

    /** Makes a finished partial generation the live one, then removes generations older than the previous one. */
    Path commit(Path partial) throws IOException {
        Files2.fsyncTree(partial);
        String name = partial.getFileName().toString().replace(".partial", "");
        Path generation = root.resolve(name);
        Files.move(partial, generation, StandardCopyOption.ATOMIC_MOVE);
        Path tmp = root.resolve(CURRENT + ".tmp");
        Files.writeString(tmp, name + "\n", StandardCharsets.UTF_8);
        Files2.fsync(tmp);
        try {
            Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.REPLACE_EXISTING);
        }
        Files2.fsyncDirectory(root);
        pruneOlderThanPrevious(generation);
        return generation;
    }

    /** Keeps the previous generation so a reader that opened it just before the switch can finish. */
    private void pruneOlderThanPrevious(Path live) {
        List<Path> gens = generations();
        gens.sort(Comparator.comparingLong(IndexDirectory::number));
        long liveNumber = number(live);
        // The generation kept for readers must be a complete one; incomplete leftovers never are.
        List<Path> older = gens.stream().filter(g -> number(g) < liveNumber).toList();
        Path keep = older.stream().filter(g -> Files.isRegularFile(g.resolve(IndexLayout.MANIFEST)))
                .reduce((a, b) -> b).orElse(null);
        for (Path g : older) {
            if (g.equals(keep)) {
                continue;
            }
            try {
                FileTrees.delete(g);
            } catch (IOException e) {
                // Still open elsewhere (Windows) or already gone: the next build tries again.
            }
        }
    }

    List<Path> generations() {
        return list(GENERATION);
    }

    private List<Path> list(Pattern pattern) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
            for (Path p : ds) {
                if (pattern.matcher(p.getFileName().toString()).matches() && Files.isDirectory(p)) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    private static long number(Path generation) {
        Matcher m = Pattern.compile("gen-(\\d+)").matcher(generation.getFileName().toString());
        return m.lookingAt() ? Long.parseLong(m.group(1)) : -1;
    }

    /** The held build lock; closing releases it. */
    record BuildLock(FileChannel channel, FileLock lock, Path key) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                lock.release();
                channel.close();
            } finally {
                HELD_IN_THIS_JVM.remove(key);
            }
        }
    }
}
