package dev.athenaeum.gui.ui;

import dev.athenaeum.chat.FakeChatServer;
import dev.athenaeum.gui.KnowledgeBaseViewModel;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.concurrent.TimeUnit;

import static dev.athenaeum.gui.ui.OpenKnowledgeBase.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The UI thread keeps drawing while a long answer streams fast (thousands of pieces, one a millisecond: about
 * sixteen per frame): between two frames it may work or wait for a lock for at most 100 ms, as while an index builds.
 * Unpaced, a fast machine received the whole answer within five frames, too few to measure anything.
 * A frame over budget must happen again (see {@link FrameGaps#judged}): the long answer then streams once more.
 */
class ChatStallTest extends WindowTest {

    @Test
    void theUiThreadNeverStallsWhileAnAnswerStreams(FxRobot robot) throws Exception {
        StringBuilder answer = new StringBuilder();
        for (int i = 1; i <= 300; i++) {
            answer.append("Paragraph ").append(i).append(" says **something** about the index [1], briefly.\n\n");
        }
        // A first answer creates the answer's kinds of nodes once (classes, skins, styles, the scroll bar) and runs
        // the code that keeps finished paragraphs, as the build's measurement leaves out the new screen's first
        // layout; what is measured is streaming itself.
        String warmUp = answer.substring(0, answer.indexOf("Paragraph 41 "));
        try (FakeChatServer fake = new FakeChatServer().answer(warmUp)) {
            window = OpenKnowledgeBase.open(robot, stage, dir, fake.ollamaUrl());
            OpenKnowledgeBase.selectTab(robot, "chatTab");
            ComboBox<?> models = robot.lookup("#chatModel").queryAs(ComboBox.class);
            waitUntil(10, () -> models.getItems().contains("llama3.1:8b"));
            KnowledgeBaseViewModel kb = window.viewModel().currentProperty().get();
            ask(robot, "what is this?");
            waitUntil(30, () -> kb.chat().exchanges().size() == 1);
            fake.answer(answer.toString()).pieceDelay(Duration.ofMillis(1));

            Streamed run = FrameGaps.judged("chat stall",
                    () -> streamMeasured(robot, kb, fake, "tell me everything about it"), Streamed::gaps);
            FrameGaps gaps = run.gaps();

            assertThat(kb.chat().exchanges().getLast().answer()).isEqualTo(answer.toString());
            assertThat(run.pieces()).as("pieces of the measured answer").isGreaterThan(2000);
            assertThat(gaps.frames).as("frames drawn while the answer streamed").isGreaterThan(5);
            assertThat(gaps.maxBusyNanos / 1_000_000).as("most UI-thread work between two frames, ms")
                    .isLessThan(FrameGaps.MAX_STALL_MILLIS);
            assertThat(gaps.maxBlockedMillis).as("longest UI-thread wait for a lock between two frames, ms")
                    .isLessThan(FrameGaps.MAX_STALL_MILLIS);
            assertThat(window.errors().reported()).isEmpty();
        }
    }

    /** Asks {@code question} and measures the frames from the answer's first piece to its end. */
    private static Streamed streamMeasured(FxRobot robot, KnowledgeBaseViewModel kb, FakeChatServer fake,
                                            String question) throws Exception {
        int before = kb.chat().exchanges().size();
        int piecesBefore = fake.piecesSent();
        BooleanSupplier busy = () -> kb.chat().busyProperty().get();
        FrameGaps gaps = new FrameGaps(busy, busy);
        robot.interact(gaps::start);
        ask(robot, question);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> gaps.started);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> gaps.ended);
        robot.interact(gaps::stop);
        waitUntil(10, () -> kb.chat().exchanges().size() == before + 1);
        return new Streamed(gaps, fake.piecesSent() - piecesBefore);
    }

    private record Streamed(FrameGaps gaps, int pieces) {
    }

    private static void ask(FxRobot robot, String question) {
        robot.clickOn("#question").write(question);
        OpenKnowledgeBase.shortcut(robot, KeyCode.ENTER);
    }
}
