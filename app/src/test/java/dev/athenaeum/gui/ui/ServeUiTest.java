package dev.athenaeum.gui.ui;

import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static dev.athenaeum.gui.ui.OpenKnowledgeBase.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The serve tab: start the HTTP API, ask its /health at the URL shown, stop it. */
class ServeUiTest extends WindowTest {

    @Test
    void startedTheApiAnswersAtTheShownUrlUntilStopped(FxRobot robot) throws Exception {
        window = OpenKnowledgeBase.open(robot, stage, dir, null);
        TabPane tabs = robot.lookup("#centerTabs").queryAs(TabPane.class);
        Tab serve = tabs.getTabs().stream().filter(t -> "serveTab".equals(t.getId())).findFirst().orElseThrow();
        assertThat(serve.getContent()).as("a tab is built when first shown").isNull();
        assertThat(robot.lookup("#serveStart").tryQuery()).isEmpty();
        OpenKnowledgeBase.selectTab(robot, "serveTab");
        assertThat(serve.getContent()).isNotNull();
        robot.clickOn("#serveStart");
        TextField url = robot.lookup("#serveUrl").queryAs(TextField.class);
        waitUntil(30, () -> !url.getText().isEmpty());
        String base = url.getText();
        assertThat(base).startsWith("http://127.0.0.1:");
        assertThat(robot.lookup("#serveCurl").queryAs(TextField.class).getText()).contains(base + "/search");

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\"");
        Screenshots.save(stage.getScene(), "serve-light");
        robot.clickOn("#darkTheme");
        Screenshots.save(stage.getScene(), "serve-dark");
        robot.clickOn("#darkTheme");

        robot.clickOn("#serveStop");
        Label status = robot.lookup("#serveStatus").queryAs(Label.class);
        waitUntil(30, () -> status.getText().equals("Not serving."));
        assertThat(url.getText()).isEmpty();
        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
        assertThat(window.errors().reported()).isEmpty();
    }
}
