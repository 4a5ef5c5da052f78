package dev.athenaeum.gui.ui;

import dev.athenaeum.gui.GuiFixtures;
import dev.athenaeum.gui.KnowledgeBaseViewModel;
import dev.athenaeum.gui.watch.WatchViewModel;
import dev.athenaeum.index.FileTrees;
import dev.athenaeum.index.KnowledgeIndex;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import static dev.athenaeum.gui.ui.OpenKnowledgeBase.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing the window stops what the open knowledge base was doing: watching its folders, previewing chunks, a build
 * under way (which leaves the previous index as it was), and none of it is reported as a failure.
 */
class WindowCloseUiTest extends WindowTest {

    @Test
    void closingTheWindowStopsWatchingAndPreviewing(FxRobot robot) throws Exception {
        Path notes = GuiFixtures.guideCopy(dir.resolve("notes"), List.of("faq.md", "privacy.md"));
        KnowledgeBaseViewModel kb = openOn(robot, notes);
        OpenKnowledgeBase.selectTab(robot, "tuningTab");
        waitUntil(60, () -> kb.tuning().previewProperty().get() != null && !kb.build().runningProperty().get());
        // The watcher sees this edit: the folders are watched.
        Files.writeString(notes.resolve("faq.md"), "\nA first edit.\n", StandardOpenOption.APPEND);
        waitUntil(20, () -> kb.watch().noticesProperty().get() == 1);
        waitUntil(60, () -> !kb.build().runningProperty().get() && !kb.tuning().computingProperty().get());

        robot.interact(window::close);
        Files.writeString(notes.resolve("faq.md"), "\nAn edit after closing.\n", StandardOpenOption.APPEND);
        FileTrees.delete(notes);
        // Three quiet periods: time for the watcher, had it still run, to report the changes and for a preview of
        // the vanished folder to fail.
        Thread.sleep(3 * WatchViewModel.QUIET.toMillis() + 500);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(kb.watch().noticesProperty().get()).as("changes noticed after closing").isEqualTo(1);
        assertThat(window.errors().reported()).isEmpty();
    }

    @Test
    void closingDuringABuildCancelsItAndKeepsThePreviousIndex(FxRobot robot) throws Exception {
        Path notes = GuiFixtures.guideCopy(dir.resolve("notes"), GuiFixtures.FEW);
        KnowledgeBaseViewModel kb = openOn(robot, notes);
        waitUntil(20, () -> robot.lookup("#build").tryQuery().map(b -> !b.isDisabled()).orElse(false));
        robot.interact(() -> kb.build().build());
        waitUntil(90, () -> kb.build().lastReportProperty().get() != null && !kb.build().runningProperty().get());
        Path indexDir = kb.session().knowledgeBase().indexDir();
        // The whole guide, under other names: the next build embeds all of it, for several seconds.
        List<String> all;
        try (Stream<Path> files = Files.walk(GuiFixtures.GUIDE)) {
            all = files.filter(f -> f.toString().endsWith(".md")).map(f -> GuiFixtures.GUIDE.relativize(f).toString()).toList();
        }
        GuiFixtures.guideCopy(notes.resolve("more"), all);

        robot.interact(() -> kb.build().build());
        waitUntil(60, () -> kb.build().phaseProperty().get().startsWith("Embedding") && kb.build().progressProperty().get() > 0);
        robot.interact(window::close);
        waitUntil(60, () -> !kb.build().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.errors().reported()).isEmpty();
        try (KnowledgeIndex previous = KnowledgeIndex.open(indexDir)) {
            assertThat(previous.manifest().files()).hasSize(GuiFixtures.FEW.size());
        }
    }
}
