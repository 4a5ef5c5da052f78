package dev.athenaeum.gui.ui;

import dev.athenaeum.app.Home;
import dev.athenaeum.chat.ChatProvider;
import dev.athenaeum.gui.GuiFixtures;
import dev.athenaeum.gui.WorkbenchWindow;
import dev.athenaeum.gui.settings.ChatPreferences;
import dev.athenaeum.gui.settings.SettingsStore;
import dev.athenaeum.gui.workspace.WorkbenchStore;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** The workbench with a new knowledge base made from a small copy of the guide and built, as a person would. */
final class OpenKnowledgeBase {

    private OpenKnowledgeBase() {
    }

    /** {@code ollamaUrl}, when not null, makes Ollama there the chat's default provider. */
    static WorkbenchWindow open(FxRobot robot, Stage stage, Path dir, String ollamaUrl) throws Exception {
        Path home = GuiFixtures.home(dir.resolve("home"));
        Path notes = GuiFixtures.guideCopy(dir.resolve("notes"), GuiFixtures.FEW);
        WorkbenchStore store = new WorkbenchStore(dir.resolve("store"));
        store.saveSettings(new WorkbenchStore.Settings(List.of(), false, true));
        if (ollamaUrl != null) {
            new SettingsStore(store.dir()).saveChat(new ChatPreferences(ChatProvider.OLLAMA, ollamaUrl, "", "llama3.1:8b"));
        }
        WorkbenchWindow[] window = new WorkbenchWindow[1];
        robot.interact(() -> window[0] = WorkbenchWindow.open(stage, store, new Home(home),
                (owner, title) -> Optional.of(notes), null));
        waitUntil(10, () -> robot.lookup("#newKnowledgeBase").tryQuery().isPresent());
        robot.clickOn("#newKnowledgeBase");
        waitUntil(10, () -> robot.lookup("#build").tryQuery().map(b -> !b.isDisabled()).orElse(false));
        robot.clickOn("#build");
        waitUntil(90, () -> robot.lookup("#buildSummary").queryAs(Label.class).getText().startsWith("Indexed"));
        return window[0];
    }

    /**
     * Selects a tab of the knowledge base screen through its tab pane: with several tabs in a narrow pane the header
     * may list a tab in its overflow menu instead of showing it.
     */
    static void selectTab(FxRobot robot, String id) {
        TabPane tabs = robot.lookup("#centerTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(
                tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow()));
    }

    /**
     * Ctrl (Cmd on macOS) + key, delivered to the question box as the platform delivers a key press. Sent as an event
     * rather than through the robot: after other UI tests in the same JVM the headless platform's robot may lose
     * the modifier, and this test is about the chat's shortcuts, not the robot.
     */
    static void shortcut(FxRobot robot, KeyCode key) {
        TextArea question = robot.lookup("#question").queryAs(TextArea.class);
        boolean mac = System.getProperty("os.name", "").startsWith("Mac");
        robot.interact(() -> javafx.event.Event.fireEvent(question, new javafx.scene.input.KeyEvent(
                javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", key, false, !mac, false, mac)));
    }

    static void waitUntil(int seconds, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
    }
}
