package dev.athenaeum.gui.ui;

import dev.athenaeum.app.Home;
import dev.athenaeum.gui.GuiFixtures;
import dev.athenaeum.gui.WorkbenchWindow;
import dev.athenaeum.gui.workspace.WorkbenchStore;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real workbench, driven like a person would on a headless JavaFX platform: first launch with the sample (a
 * small copy of the guide), the build to its end, a search, a result opened; then the start screen and a new
 * knowledge base. Screenshots of each screen, light and dark, go to target/screenshots/.
 */
class WorkbenchUiTest extends WindowTest {

    /** Opens the workbench as a fresh install would; {@code launchedBefore} skips the first launch's sample. */
    private void open(FxRobot robot, boolean launchedBefore) throws IOException {
        Path home = GuiFixtures.home(dir.resolve("home"));
        Path notes = GuiFixtures.guideCopy(dir.resolve("notes"), List.of("faq.md", "privacy.md"));
        WorkbenchStore store = new WorkbenchStore(dir.resolve("store"));
        if (launchedBefore) {
            store.saveSettings(new WorkbenchStore.Settings(List.of(), false, true));
        }
        robot.interact(() -> window = WorkbenchWindow.open(stage, store, new Home(home),
                (owner, title) -> Optional.of(notes), null));
    }

    @Test
    void firstLaunchBuildsTheSampleThenSearchesAndOpensAResult(FxRobot robot) throws Exception {
        open(robot, false);
        waitUntil(10, () -> robot.lookup("#buildPhase").tryQuery().isPresent());
        List<String> phases = new ArrayList<>();
        Label phase = robot.lookup("#buildPhase").queryAs(Label.class);
        WaitForAsyncUtils.asyncFx(() -> phase.textProperty().addListener((o, a, p) -> phases.add(p))).get();

        waitUntil(60, () -> robot.lookup("#buildSummary").queryAs(Label.class).getText().startsWith("Indexed"));

        assertThat(phases).contains("Embedding", "Done");
        assertThat(robot.lookup("#buildProgress").queryAs(ProgressBar.class).getProgress()).isEqualTo(1.0);
        assertThat(robot.lookup("#skipped").queryListView().getItems()).hasSize(1);
        assertThat(robot.lookup("#knowledgeBaseName").queryAs(Label.class).getText()).contains("sample");
        assertThat(stage.getIcons()).singleElement().satisfies(icon -> assertThat(icon.getWidth()).isEqualTo(512));
        Screenshots.save(stage.getScene(), "knowledge-base-light");

        robot.clickOn("#query").write("how do I keep my index up to date?").type(KeyCode.ENTER);
        ListView<?> results = robot.lookup("#results").queryListView();
        waitUntil(30, () -> !results.getItems().isEmpty());
        assertThat(robot.lookup("#searchStatus").queryAs(Label.class).getText()).contains("result");

        waitUntil(10, () -> robot.lookup("#results .list-cell").queryAll().stream()
                .anyMatch(c -> c instanceof ListCell<?> cell && cell.getItem() != null));
        robot.clickOn(robot.lookup("#results .list-cell").match(c -> ((ListCell<?>) c).getIndex() == 0).queryAs(Node.class));
        VBox document = robot.lookup("#document").queryAs(VBox.class);
        waitUntil(30, () -> !document.getChildren().isEmpty()
                && document.getChildren().stream().anyMatch(n -> n.getStyleClass().contains("target")));
        assertThat(document.getChildren()).anySatisfy(n -> assertThat(n.getStyleClass()).contains("heading"));
        // Wrapped snippets fit their cells: a cell's content never runs into the next result.
        assertThat(robot.lookup("#results .list-cell").queryAll()).allSatisfy(c -> {
            ListCell<?> cell = (ListCell<?>) c;
            if (cell.getItem() != null) {
                assertThat(cell.getGraphic().getBoundsInParent().getMaxY()).as("content bottom of result %d", cell.getIndex())
                        .isLessThanOrEqualTo(cell.getHeight() + 0.5);
            }
        });
        Screenshots.save(stage.getScene(), "search-and-source-light");

        robot.clickOn("#darkTheme");
        Screenshots.save(stage.getScene(), "search-and-source-dark");

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#query").queryAs(TextField.class).isFocused()).isTrue();

        robot.clickOn("#home");
        waitUntil(10, () -> !robot.lookup("#recent").queryListView().getItems().isEmpty());
        Screenshots.save(stage.getScene(), "start-dark");
        robot.clickOn("#darkTheme");
        Screenshots.save(stage.getScene(), "start-light");
        assertThat(window.errors().reported()).isEmpty();
    }

    @Test
    void aNewKnowledgeBaseFromAFolderCountsItsFilesAndBuildsOnRequest(FxRobot robot) throws Exception {
        open(robot, true);
        waitUntil(10, () -> robot.lookup("#newKnowledgeBase").tryQuery().isPresent());
        robot.clickOn("#newKnowledgeBase");
        waitUntil(10, () -> robot.lookup("#knowledgeBaseName").queryAs(Label.class).getText().equals("notes"));
        waitUntil(10, () -> robot.lookup("#sources").tryQuery().isPresent());
        ListView<?> sources = robot.lookup("#sources").queryListView();
        waitUntil(10, () -> robot.lookup("#sources .list-cell").queryAll().stream()
                .anyMatch(c -> c.getAccessibleText() != null && c.getAccessibleText().contains("3 markdown files")));
        assertThat(sources.getItems()).hasSize(1);

        robot.clickOn("#build");
        waitUntil(60, () -> robot.lookup("#buildSummary").queryAs(Label.class).getText().startsWith("Indexed 2 files"));
        robot.clickOn("#query").write("where do my notes go").type(KeyCode.ENTER);
        waitUntil(30, () -> !robot.lookup("#results").queryListView().getItems().isEmpty());
        Screenshots.save(stage.getScene(), "new-knowledge-base-light");
        assertThat(window.errors().reported()).isEmpty();
    }

    @Test
    void aFailedBuildOpensTheErrorDialogWithItsDetails(FxRobot robot) throws Exception {
        open(robot, true);
        java.nio.file.Files.createDirectories(dir.resolve("store/indexes"));
        java.nio.file.Files.writeString(dir.resolve("store/indexes/notes"), "a file where the index folder goes");
        waitUntil(10, () -> robot.lookup("#newKnowledgeBase").tryQuery().isPresent());
        robot.clickOn("#newKnowledgeBase");
        waitUntil(10, () -> robot.lookup("#build").tryQuery().map(b -> !b.isDisabled()).orElse(false));

        robot.clickOn("#build");

        waitUntil(60, () -> robot.lookup("#errorDialog").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#errorDialog").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo("Building the index of notes failed");
        assertThat(dialog.getContentText()).contains("notes").doesNotContain("Exception");
        assertThat(((TextArea) dialog.getExpandableContent()).getText()).contains("at dev.athenaeum.");
        assertThat(robot.lookup("#buildSummary").queryAs(Label.class).getText()).startsWith("The build failed");
        assertThat(window.errors().reported()).hasSize(1);
        Screenshots.save(dialog.getScene(), "error-dialog-light");
    }

    private static void waitUntil(int seconds, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
    }
}
