package dev.athenaeum.gui.ui;

import dev.athenaeum.app.Home;
import dev.athenaeum.gui.GuiFixtures;
import dev.athenaeum.gui.KnowledgeBaseViewModel;
import dev.athenaeum.gui.WorkbenchWindow;
import dev.athenaeum.gui.workspace.WorkbenchStore;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * A test of the real workbench window on the headless platform: the stage TestFX gives it, a temporary folder, and
 * the window the test opens, closed after it (which closes its knowledge base, so nothing it started runs on into
 * the next test).
 */
@ExtendWith(ApplicationExtension.class)
abstract class WindowTest {

    @TempDir
    Path dir;

    WorkbenchWindow window;
    Stage stage;

    /** TestFX's primary stage; its {@code @Start} methods are looked up in the test class alone, not in this one. */
    @BeforeEach
    void primaryStage() throws TimeoutException {
        stage = FxToolkit.registerPrimaryStage();
    }

    /**
     * Opens the workbench as on a later launch (no sample) with {@code folder} as its knowledge base, and waits for
     * the knowledge base's screen.
     */
    KnowledgeBaseViewModel openOn(FxRobot robot, Path folder) throws Exception {
        WorkbenchStore store = new WorkbenchStore(dir.resolve("store"));
        store.saveSettings(new WorkbenchStore.Settings(List.of(), false, true));
        Home home = new Home(GuiFixtures.home(dir.resolve("home")));
        robot.interact(() -> window = WorkbenchWindow.open(stage, store, home, (owner, title) -> Optional.empty(), folder));
        OpenKnowledgeBase.waitUntil(20, () -> robot.lookup("#centerTabs").tryQuery().isPresent());
        return window.viewModel().currentProperty().get();
    }

    @AfterEach
    void closeWindow() {
        if (window != null) {
            window.close();
        }
    }
}
