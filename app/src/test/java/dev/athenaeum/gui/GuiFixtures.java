package dev.athenaeum.gui;

import dev.athenaeum.gui.task.TaskFailure;
import dev.athenaeum.gui.task.TaskRunner;
import dev.athenaeum.gui.workspace.Models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Real parts for the workbench's tests: copies of the bundled guide, the real model, a synchronous task runner. */
public final class GuiFixtures {

    public static final Path GUIDE = Path.of("../samples/guide");
    /** Few enough to embed in a couple of seconds, enough for searches with clear answers. */
    public static final List<String> FEW = List.of("getting-started.md", "guides/keeping-up-to-date.md",
            "concepts/chunking.md", "faq.md");

    /** One model load for every test in the JVM: it takes a second or two. */
    public static final Models MODELS = Models.fromEnvironment();

    private GuiFixtures() {
    }

    /** A copy of {@code files} of the guide, plus an empty file that every build skips. */
    public static Path guideCopy(Path dir, List<String> files) throws IOException {
        for (String f : files) {
            Path target = dir.resolve(f);
            Files.createDirectories(target.getParent());
            Files.copy(GUIDE.resolve(f), target);
        }
        Files.writeString(dir.resolve("empty.md"), "");
        return dir;
    }

    /** An installation home (as {@code athenaeum.home}) whose samples/guide is a small copy of the real one. */
    public static Path home(Path dir) throws IOException {
        guideCopy(dir.resolve("samples").resolve("guide"), FEW);
        return dir;
    }

    /** Runs everything on the calling thread and collects failures. */
    public static final class Direct {
        public final List<TaskFailure> failures = new CopyOnWriteArrayList<>();
        public final TaskRunner tasks = TaskRunner.direct(failures::add);
    }
}
