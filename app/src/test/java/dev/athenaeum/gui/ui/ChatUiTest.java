package dev.athenaeum.gui.ui;

import dev.athenaeum.chat.FakeChatServer;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.athenaeum.gui.ui.OpenKnowledgeBase.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat tab against a local server speaking Ollama's wire format, streamed: a question typed and sent with
 * Ctrl+Enter, the answer with its citations, a citation opening its source; then Ollama gone and the tab saying so.
 */
class ChatUiTest extends WindowTest {

    @Test
    void aStreamedAnswerCitesSourcesThatOpenAndADownOllamaIsExplained(FxRobot robot) throws Exception {
        FakeChatServer fake = new FakeChatServer().answer(
                "Run **athenaeum index** again after editing files [1]. Only changed files are embedded [2].");
        try {
            window = OpenKnowledgeBase.open(robot, stage, dir, fake.ollamaUrl());
            OpenKnowledgeBase.selectTab(robot, "chatTab");
            ComboBox<?> models = robot.lookup("#chatModel").queryAs(ComboBox.class);
            waitUntil(10, () -> models.getItems().contains("llama3.1:8b"));

            // Earlier UI tests in this JVM may leave the platform's keyboard focus on another window.
            robot.interact(() -> {
                stage.toFront();
                stage.requestFocus();
            });
            robot.clickOn("#question").write("how do I keep my index up to date?");
            robot.clickOn("#send");

            VBox conversation = robot.lookup("#conversation").queryAs(VBox.class);
            waitUntil(30, () -> robot.lookup("#conversation .citation").queryAll().size() == 2
                    && robot.lookup("#send").query().isDisabled() == false);
            assertThat(robot.lookup("#conversation .source-link").queryAll()).isNotEmpty();
            assertThat(robot.from(conversation).lookup((Node n) -> n instanceof javafx.scene.text.Text t
                    && t.getText().contains("Only changed files are embedded")).tryQuery()).isPresent();
            assertThat(robot.lookup("#chatError").queryAs(Label.class).isVisible()).isFalse();
            assertThat(fake.requests("/api/chat")).hasSize(1);
            Screenshots.save(stage.getScene(), "chat-light");

            Hyperlink first = robot.lookup("#conversation .citation").queryAs(Hyperlink.class);
            assertThat(first.getText()).isEqualTo("[1]");
            robot.clickOn(first);
            VBox document = robot.lookup("#document").queryAs(VBox.class);
            waitUntil(30, () -> document.getChildren().stream().anyMatch(n -> n.getStyleClass().contains("target")));

            robot.clickOn("#darkTheme");
            Screenshots.save(stage.getScene(), "chat-dark");
            robot.clickOn("#darkTheme");

            fake.close();
            robot.clickOn("#question").write("and where are my notes kept?");
            OpenKnowledgeBase.shortcut(robot, KeyCode.ENTER);
            Label error = robot.lookup("#chatError").queryAs(Label.class);
            waitUntil(30, () -> error.getText().startsWith("Ollama is not running"));
            assertThat(error.getText()).contains("ollama serve");
            assertThat(error.isVisible()).isTrue();
            assertThat(robot.lookup("#question").queryAs(TextArea.class).getText()).isEqualTo("and where are my notes kept?");
            Screenshots.save(stage.getScene(), "chat-ollama-down-light");

            OpenKnowledgeBase.shortcut(robot, KeyCode.N);
            waitUntil(10, () -> robot.lookup("#conversation .citation").queryAll().isEmpty());
            Path history = dir.resolve("store/knowledge-bases/notes.chat.json");
            waitUntil(10, () -> Files.exists(history));
            assertThat(window.errors().reported()).isEmpty();
        } finally {
            fake.close();
        }
    }
}
