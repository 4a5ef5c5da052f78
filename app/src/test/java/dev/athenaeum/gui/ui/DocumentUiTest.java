package dev.athenaeum.gui.ui;

import dev.athenaeum.gui.GuiFixtures;
import dev.athenaeum.gui.KnowledgeBaseViewModel;
import dev.athenaeum.search.SearchHit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static dev.athenaeum.gui.ui.OpenKnowledgeBase.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A result in a very long file (the whole npm manual in one file) opens without holding up the UI thread: the file
 * is drawn over several frames, at most 100 ms of UI-thread work between two frames, and ends scrolled to the
 * result's block. A frame over budget must happen again (see {@link FrameGaps#judged}).
 */
class DocumentUiTest extends WindowTest {

    @Test
    void aLongFileAppearsOverSeveralFramesScrolledToTheResult(FxRobot robot) throws Exception {
        Path notes = GuiFixtures.guideCopy(dir.resolve("notes"), GuiFixtures.FEW);
        StringBuilder manual = new StringBuilder();
        try (Stream<Path> files = Files.walk(Path.of("../testdata/npm-docs"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                manual.append(Files.readString(f)).append("\n\n");
            }
        }
        Files.writeString(notes.resolve("whole-npm-manual.md"), manual);
        int line = manual.toString().lines().toList().indexOf("### Workspaces support") + 1;
        KnowledgeBaseViewModel kb = openOn(robot, notes);
        OpenKnowledgeBase.selectTab(robot, "searchTab");
        VBox document = robot.lookup("#document").queryAs(VBox.class);
        SearchHit hit = new SearchHit(0, "whole-npm-manual.md", List.of(), line, line + 5, 1.0, "Workspaces support");

        FrameGaps gaps = FrameGaps.judged("document stall", () -> {
            // Another file first, so that each measured opening draws the long one from nothing.
            robot.interact(() -> kb.document().open(new SearchHit(0, "faq.md", List.of(), 1, 2, 1.0, "faq"), "faq"));
            waitUntil(20, () -> kb.document().statusProperty().get().isEmpty() && document.getChildren().size() < 200);
            AtomicBoolean drawn = new AtomicBoolean();
            FrameGaps measured = new FrameGaps(() -> !drawn.get(), () -> true);
            robot.interact(measured::start);
            robot.interact(() -> kb.document().open(hit, "workspaces"));
            waitUntil(30, () -> {
                drawn.set(kb.document().statusProperty().get().startsWith("A long file")
                        && document.getChildren().size() == kb.document().blocks().size());
                return drawn.get();
            });
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> measured.ended);
            robot.interact(measured::stop);
            return measured;
        }, g -> g);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(document.getChildren()).hasSize(kb.document().blocks().size()).hasSizeGreaterThan(1000);
        assertThat(gaps.frames).as("frames drawn while the file appeared").isGreaterThan(5);
        assertThat(gaps.maxBusyNanos / 1_000_000).as("most UI-thread work between two frames, ms")
                .isLessThan(FrameGaps.MAX_STALL_MILLIS);
        Node target = document.getChildren().get(kb.document().targetProperty().get());
        assertThat(target.getStyleClass()).contains("target");
        ScrollPane scroll = robot.lookup(".scroll-pane").match(n -> ((ScrollPane) n).getContent() == document)
                .queryAs(ScrollPane.class);
        Bounds view = scroll.localToScene(scroll.getLayoutBounds());
        Bounds block = target.localToScene(target.getLayoutBounds());
        assertThat(block.getMinY()).as("the result's block is in view").isBetween(view.getMinY(), view.getMaxY() - 10);
        assertThat(window.errors().reported()).isEmpty();
    }
}
