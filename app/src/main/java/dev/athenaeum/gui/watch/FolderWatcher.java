package dev.athenaeum.gui.watch;

import dev.athenaeum.corpus.ScanOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches folders and everything below them for changed markdown files and reports them in one batch once the
 * folders have been quiet for a while: an editor saving a file, or a checkout touching hundreds, is one notice.
 * Folders created later are watched too; folders that disappear (a source folder included) are reported as
 * changed and dropped; links are followed, but a link back up the tree is not walked again.
 */
public final class FolderWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FolderWatcher.class);

    private final List<Path> roots;
    private final Duration quiet;
    private final Consumer<Set<Path>> onChange;
    private final Map<WatchKey, Path> keys = new HashMap<>();
    private final Set<Path> watchedRealPaths = new HashSet<>();
    private final Set<Path> pending = new LinkedHashSet<>();
    private WatchService service;
    private Thread thread;
    private long lastEventNanos;
    private boolean closed;

    /** {@code onChange} is called on the watcher's own thread with the files and folders that changed. */
    public FolderWatcher(List<Path> roots, Duration quiet, Consumer<Set<Path>> onChange) {
        this.roots = List.copyOf(roots);
        this.quiet = quiet;
        this.onChange = onChange;
    }

    public synchronized void start() throws IOException {
        if (closed) {
            return;
        }
        service = roots.isEmpty() ? null : roots.get(0).getFileSystem().newWatchService();
        if (service == null) {
            return;
        }
        for (Path root : roots) {
            registerTree(root.toAbsolutePath().normalize());
        }
        thread = new Thread(this::loop, "athenaeum-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** How many folders are watched now; for tests and the log. */
    public synchronized int watchedFolders() {
        return keys.size();
    }

    private void registerTree(Path top) {
        if (!Files.isDirectory(top)) {
            LOG.warn("not watching {}: it is not a folder (any more)", top);
            return;
        }
        try {
            Files.walkFileTree(top, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!dir.equals(top) && excluded(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (!watchedRealPaths.add(dir.toRealPath())) {
                        return FileVisitResult.SKIP_SUBTREE; // reached again through a link
                    }
                    keys.put(dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY), dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (!(e instanceof FileSystemLoopException)) {
                        LOG.debug("not watching {}: {}", file, e.toString());
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("could not watch all of {}: {}", top, e.toString());
        }
    }

    private static boolean excluded(Path dir) {
        return dir.getFileName() != null && ScanOptions.DEFAULT_EXCLUDE.contains(dir.getFileName().toString());
    }

    static boolean isMarkdown(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".md") || name.endsWith(".markdown");
    }

    private void loop() {
        try {
            while (true) {
                WatchKey key;
                synchronized (this) {
                    if (service == null) {
                        return;
                    }
                }
                long waitNanos = pending.isEmpty() ? -1 : quiet.toNanos() - (System.nanoTime() - lastEventNanos);
                key = waitNanos < 0 && pending.isEmpty() ? service.take()
                        : service.poll(Math.max(0, waitNanos), TimeUnit.NANOSECONDS);
                if (key == null) {
                    flushIfQuiet();
                    continue;
                }
                synchronized (this) {
                    handle(key);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: nothing more to report
        }
    }

    private void flushIfQuiet() {
        if (!pending.isEmpty() && System.nanoTime() - lastEventNanos >= quiet.toNanos()) {
            Set<Path> batch = Set.copyOf(pending);
            pending.clear();
            try {
                onChange.accept(batch);
            } catch (RuntimeException e) {
                LOG.warn("a change listener failed", e);
            }
        }
    }

    private void handle(WatchKey key) {
        Path dir = keys.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (dir == null) {
                continue;
            }
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                note(dir); // events were lost: the folder as a whole may have changed
                continue;
            }
            Path child = dir.resolve((Path) event.context());
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(child) && !excluded(child)) {
                registerTree(child);
                if (containsMarkdown(child)) {
                    note(child);
                }
            } else if (isMarkdown(child)) {
                note(child);
            } else if (event.kind() == StandardWatchEventKinds.ENTRY_DELETE && keys.containsValue(child)) {
                note(child);
            }
        }
        if (!key.reset()) {
            // The folder went away (or became unreadable): its files are gone from the corpus.
            keys.remove(key);
            if (dir != null) {
                watchedRealPaths.removeIf(p -> !Files.exists(p, LinkOption.NOFOLLOW_LINKS));
                note(dir);
            }
        }
    }

    private void note(Path path) {
        pending.add(path);
        lastEventNanos = System.nanoTime();
    }

    private static boolean containsMarkdown(Path dir) {
        try (var files = Files.walk(dir)) {
            return files.anyMatch(FolderWatcher::isMarkdown);
        } catch (IOException | RuntimeException e) {
            return true; // unreadable now: let the update find out
        }
    }

    @Override
    public void close() {
        WatchService s;
        synchronized (this) {
            s = service;
            service = null;
            closed = true;
            keys.clear();
        }
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                LOG.debug("closing the watch service: {}", e.toString());
            }
        }
    }
}
