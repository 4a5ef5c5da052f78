package dev.athenaeum.gui.ui;

import dev.athenaeum.app.Home;
import dev.athenaeum.gui.GuiFixtures;
import dev.athenaeum.gui.WorkbenchWindow;
import dev.athenaeum.gui.workspace.WorkbenchStore;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tuning screen of the real workbench on the sample knowledge base: the size slider moved with the keyboard
 * changes the chunk list and the histogram, refused settings are explained inline, and a test question added gets
 * its ranks for the last build and for the current settings. Screenshots in light and dark.
 */
class TuningUiTest extends WindowTest {

    @Test
    void theSliderChangesThePreviewAndATestQuestionIsMeasuredBothWays(FxRobot robot) throws Exception {
        Path home = GuiFixtures.home(dir.resolve("home"));
        WorkbenchStore store = new WorkbenchStore(dir.resolve("store"));
        robot.interact(() -> window = WorkbenchWindow.open(stage, store, new Home(home), (o, t) -> Optional.empty(), null));
        waitUntil(10, () -> robot.lookup("#buildSummary").tryQuery().isPresent());
        waitUntil(60, () -> robot.lookup("#buildSummary").queryAs(Label.class).getText().startsWith("Indexed"));

        OpenKnowledgeBase.selectTab(robot, "tuningTab");
        ListView<?> chunks = robot.lookup("#chunks").queryListView();
        Label summary = robot.lookup("#chunkSummary").queryAs(Label.class);
        waitUntil(30, () -> !chunks.getItems().isEmpty() && summary.getText().contains("chunks from 4 files"));
        int chunksBefore = chunks.getItems().size();
        String summaryBefore = summary.getText();
        List<String> countsBefore = histogramCounts(robot);
        assertThat(countsBefore).hasSize(10);

        Slider size = robot.lookup("#chunkSizeSlider").queryAs(Slider.class);
        // Twenty steps down, as the arrow key moves it (the keyboard goes to whichever window the platform focused).
        robot.interact(() -> {
            for (int i = 0; i < 20; i++) {
                size.decrement();
            }
        });
        TextField sizeField = robot.lookup("#chunkSizeField").queryAs(TextField.class);
        assertThat(sizeField.getText()).isEqualTo("192");
        waitUntil(30, () -> summary.getText().contains("chunks from") && !summary.getText().equals(summaryBefore)
                && lastBinRange(robot).endsWith("–192"));
        assertThat(chunks.getItems().size()).isGreaterThan(chunksBefore);
        assertThat(histogramCounts(robot)).isNotEqualTo(countsBefore);
        Screenshots.save(stage.getScene(), "tuning-light");

        type(robot, "#chunkOverlapField", "300");
        Label error = robot.lookup("#chunkingError").queryAs(Label.class);
        waitUntil(5, error::isVisible);
        assertThat(error.getText()).isEqualTo("chunk overlap (300) must be smaller than the chunk size (192)");
        type(robot, "#chunkOverlapField", "16");
        waitUntil(5, () -> !error.isVisible());

        type(robot, "#newQuestion", "how do I keep my index up to date?");
        type(robot, "#newAnswer", "guides/keeping-up-to-date.md#The update command");
        robot.clickOn("#addQuestion");
        Label last = robot.lookup("#lastScore").queryAs(Label.class);
        Label current = robot.lookup("#currentScore").queryAs(Label.class);
        waitUntil(90, () -> !last.getText().isEmpty() && !current.getText().isEmpty());
        assertThat(last.getText()).startsWith("recall@5 ");
        assertThat(current.getText()).startsWith("recall@5 ");
        waitUntil(10, () -> !rankCell(robot, "lastRankColumn").isEmpty() && !rankCell(robot, "currentRankColumn").isEmpty());
        assertThat(rankCell(robot, "lastRankColumn")).matches("#\\d+|miss");
        assertThat(rankCell(robot, "currentRankColumn")).matches("#\\d+|miss");
        Screenshots.save(stage.getScene(), "tuning-questions-light");

        robot.clickOn("#darkTheme");
        Screenshots.save(stage.getScene(), "tuning-dark");
        assertThat(window.errors().reported()).isEmpty();
    }

    private static List<String> histogramCounts(FxRobot robot) throws Exception {
        HBox histogram = robot.lookup("#histogram").queryAs(HBox.class);
        return WaitForAsyncUtils.asyncFx(() -> histogram.getChildren().stream()
                .map(c -> ((Label) ((VBox) c).getChildren().get(0)).getText()).toList()).get();
    }

    private static String lastBinRange(FxRobot robot) {
        HBox histogram = robot.lookup("#histogram").queryAs(HBox.class);
        VBox column = (VBox) histogram.getChildren().get(histogram.getChildren().size() - 1);
        return ((Label) column.getChildren().get(2)).getText();
    }

    private static String rankCell(FxRobot robot, String columnId) {
        return robot.lookup(".table-cell").match(n -> n instanceof TableCell<?, ?> c && c.getTableColumn() != null
                        && columnId.equals(c.getTableColumn().getId()) && c.getIndex() == 0)
                .queryAs(Node.class) instanceof TableCell<?, ?> cell ? cell.getText() : null;
    }

    private static void waitUntil(int seconds, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
    }

    /**
     * Puts text in a field as typing would leave it. Set directly: after other UI tests in the same JVM the headless
     * platform's robot may drop typed characters, and this test is about the tuning panel, not the robot.
     */
    private static void type(FxRobot robot, String field, String text) {
        TextField f = robot.lookup(field).queryAs(TextField.class);
        robot.interact(() -> {
            f.requestFocus();
            f.setText(text);
        });
    }
}
