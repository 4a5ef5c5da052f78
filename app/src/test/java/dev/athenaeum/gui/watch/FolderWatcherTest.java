package dev.athenaeum.gui.watch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Real folders, the platform's real watch service. */
class FolderWatcherTest {

    static final Duration QUIET = Duration.ofMillis(300);

    @TempDir
    Path dir;

    private final LinkedBlockingQueue<Set<Path>> notices = new LinkedBlockingQueue<>();
    private FolderWatcher watcher;

    @AfterEach
    void close() {
        if (watcher != null) {
            watcher.close();
        }
    }

    private FolderWatcher watch(Path... roots) throws IOException {
        watcher = new FolderWatcher(List.of(roots), QUIET, notices::add);
        watcher.start();
        return watcher;
    }

    @Test
    void aWrittenFileGivesExactlyOneNoticeOnceThingsAreQuiet() throws Exception {
        Path notes = Files.createDirectories(dir.resolve("notes/deep/er"));
        watch(dir.resolve("notes"));

        Path file = notes.resolve("new.md");
        Files.writeString(file, "# New\n");
        Files.writeString(file, "# New\n\nMore text.\n");
        Files.writeString(notes.resolve("picture.png"), "not markdown");

        assertThat(notices.poll(10, TimeUnit.SECONDS)).containsExactly(file);
        assertThat(notices.poll(3 * QUIET.toMillis(), TimeUnit.MILLISECONDS)).as("a second notice").isNull();
    }

    @Test
    void aNewFolderIsWatchedTooAndADeletedOneIsReported() throws Exception {
        Path notes = Files.createDirectories(dir.resolve("notes"));
        Path old = Files.createDirectories(notes.resolve("old"));
        Files.writeString(old.resolve("a.md"), "# A\n");
        watch(notes);

        deleteTree(old);
        assertThat(notices.poll(10, TimeUnit.SECONDS)).contains(old);

        Path fresh = Files.createDirectories(notes.resolve("fresh"));
        Thread.sleep(QUIET.toMillis()); // the new folder is registered when its creation is seen
        Files.writeString(fresh.resolve("b.md"), "# B\n");
        Set<Path> next = notices.poll(10, TimeUnit.SECONDS);
        while (next != null && !next.contains(fresh.resolve("b.md"))) {
            next = notices.poll(10, TimeUnit.SECONDS);
        }
        assertThat(next).as("the file in the new folder").isNotNull();
    }

    @Test
    void aSourceFolderThatDisappearsIsReportedAndOtherFoldersStayWatched() throws Exception {
        Path gone = Files.createDirectories(dir.resolve("gone"));
        Path kept = Files.createDirectories(dir.resolve("kept"));
        watch(gone, kept);

        deleteTree(gone);
        assertThat(notices.poll(10, TimeUnit.SECONDS)).contains(gone);

        Files.writeString(kept.resolve("still.md"), "# Still watched\n");
        assertThat(notices.poll(10, TimeUnit.SECONDS)).containsExactly(kept.resolve("still.md"));
    }

    @Test
    void aLinkBackUpTheTreeIsNotWalkedForever() throws Exception {
        Path notes = Files.createDirectories(dir.resolve("notes/sub"));
        Files.createSymbolicLink(notes.resolve("loop"), dir.resolve("notes"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.createSymbolicLink(notes.resolve("linked"), outside);

        watch(dir.resolve("notes"));

        assertThat(watcher.watchedFolders()).as("notes, sub and the linked folder, once each").isEqualTo(3);
        Files.writeString(outside.resolve("through-link.md"), "# Found through a link\n");
        assertThat(notices.poll(10, TimeUnit.SECONDS)).singleElement()
                .satisfies(p -> assertThat(p.getFileName().toString()).isEqualTo("through-link.md"));
    }

    @Test
    void aMissingFolderIsSkippedNotAnError() throws Exception {
        Path present = Files.createDirectories(dir.resolve("present"));
        watch(dir.resolve("missing"), present);

        assertThat(watcher.watchedFolders()).isEqualTo(1);
        Files.writeString(present.resolve("x.md"), "# X\n");
        assertThat(notices.poll(10, TimeUnit.SECONDS)).containsExactly(present.resolve("x.md"));
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
