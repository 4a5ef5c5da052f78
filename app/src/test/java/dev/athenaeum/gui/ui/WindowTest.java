package dev.athenaeum.gui.ui;

import dev.athenaeum.gui.WorkbenchWindow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Path;
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

    @AfterEach
    void closeWindow() {
        if (window != null) {
            window.close();
        }
    }
}
