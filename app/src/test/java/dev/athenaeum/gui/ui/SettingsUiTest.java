package dev.athenaeum.gui.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.athenaeum.chat.FakeChatServer;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.athenaeum.gui.ui.OpenKnowledgeBase.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** Settings from the top bar: the theme switched, Ollama tested, a key saved out of every settings file, and back. */
class SettingsUiTest extends WindowTest {

    private static final String KEY = "sk-test-ui-0123456789abcdef";

    @Test
    void themeProvidersAndKeyFromTheSettingsPage(FxRobot robot) throws Exception {
        try (FakeChatServer ollama = new FakeChatServer().models("llama3.1:8b")) {
            window = OpenKnowledgeBase.open(robot, stage, dir, ollama.ollamaUrl());
            robot.clickOn("#openSettings");
            waitUntil(10, () -> robot.lookup("#settings").tryQuery().isPresent());
            TextField ollamaUrl = robot.lookup("#settingsOllamaUrl").queryAs(TextField.class);
            waitUntil(10, () -> ollamaUrl.getText().equals(ollama.ollamaUrl()));
            Screenshots.save(stage.getScene(), "settings-light");

            robot.clickOn("#themeDark");
            assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheet());
            assertThat(window.viewModel().darkThemeProperty().get()).isTrue();
            Screenshots.save(stage.getScene(), "settings-dark");
            robot.clickOn("#themeLight");
            assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerLight().getUserAgentStylesheet());

            robot.clickOn("#settingsTestOllama");
            Label connection = robot.lookup("#settingsConnection").queryAs(Label.class);
            waitUntil(20, () -> connection.getText().startsWith("Ollama answers at"));
            assertThat(connection.getText()).endsWith("1 model(s): llama3.1:8b");

            PasswordField key = robot.lookup("#settingsOpenAiKey").queryAs(PasswordField.class);
            robot.interact(() -> key.setText(KEY));
            robot.clickOn("#settingsSaveKey");
            Label status = robot.lookup("#settingsKeyStatus").queryAs(Label.class);
            waitUntil(20, () -> status.getText().startsWith("An OpenAI key is saved in"));
            assertThat(key.getText()).isEmpty();
            try (var files = Files.walk(dir.resolve("store"))) {
                for (Path p : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                    assertThat(Files.readString(p)).as(p.toString()).doesNotContain(KEY);
                }
            }

            robot.clickOn("#settingsDone");
            waitUntil(10, () -> robot.lookup("#knowledgeBase").tryQuery().isPresent());
            assertThat(robot.lookup("#settings").tryQuery()).isEmpty();
            assertThat(window.errors().reported()).isEmpty();
        }
    }
}
