package dev.athenaeum.gui.deploy;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.util.converter.IntegerStringConverter;
import javafx.util.converter.LongStringConverter;

/** The stack's settings; checked as a whole when the wizard moves on. */
final class SettingsPage {

    private final WizardSettings s;
    private final GridPane grid = new GridPane();
    private final ScrollPane root = new ScrollPane(grid);
    private int row;

    SettingsPage(WizardSettings settings) {
        this.s = settings;
        createView();
    }

    Node root() {
        return root;
    }

    private void createView() {
        grid.setHgap(10);
        grid.setVgap(8);
        text("Stack name", "deployName", s.name(), "athenaeum-NAME-ENV is the stack's name");
        choice("Environment", "deployEnv", s.environment(), "dev", "prod");
        integer("Memory (MB)", "deployMemory", s.memoryMb());
        integer("Timeout (s)", "deployTimeout", s.timeoutSeconds());
        choice("Architecture", "deployArch", s.architecture(), "x86_64", "arm64");
        choice("Front door", "deployFrontDoor", s.frontDoor(), "http-api", "function-url", "both");
        Label limit = new Label("The HTTP API stops every request after 30 s (an API Gateway limit); the Function URL"
                + " streams answers and allows longer ones.");
        limit.setWrapText(true);
        limit.getStyleClass().add("muted");
        grid.add(limit, 1, row++);
        choice("Authentication", "deployAuth", s.auth(), "none", "jwt");
        text("JWT issuer", "deployJwtIssuer", s.jwtIssuer(), "https://issuer.example.com/");
        text("JWT audience", "deployJwtAudience", s.jwtAudience(), "the tokens' audience");
        text("JWKS URL", "deployJwksUrl", s.jwksUrl(), "https://issuer.example.com/.well-known/jwks.json");
        choice("Chat provider", "deployProvider", s.provider(), "none", "openai", "ollama");
        text("Chat model", "deployModel", s.chatModel(), "e.g. gpt-4o-mini");
        text("Ollama URL", "deployOllamaUrl", s.ollamaUrl(), "an Ollama the function can reach");
        text("Image (optional)", "deployImage", s.imageUri(), "REPOSITORY@sha256:… to skip building one");
        longField("Requests a month", "deployRequests", s.monthlyRequests());
        root.setFitToWidth(true);
    }

    private void text(String label, String id, StringProperty value, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setAccessibleText(label);
        f.textProperty().bindBidirectional(value);
        grid.addRow(row++, new Label(label), f);
    }

    private void choice(String label, String id, StringProperty value, String... options) {
        ChoiceBox<String> c = new ChoiceBox<>();
        c.setId(id);
        c.getItems().setAll(options);
        c.setAccessibleText(label);
        c.valueProperty().bindBidirectional(value);
        grid.addRow(row++, new Label(label), c);
    }

    private void integer(String label, String id, IntegerProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.setAccessibleText(label);
        var formatter = new javafx.scene.control.TextFormatter<>(new IntegerStringConverter(), value.get());
        f.setTextFormatter(formatter);
        formatter.valueProperty().addListener((o, a, v) -> value.set(v == null ? 0 : v));
        value.addListener((o, a, v) -> formatter.setValue(v.intValue()));
        grid.addRow(row++, new Label(label), f);
    }

    private void longField(String label, String id, LongProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.setAccessibleText(label);
        var formatter = new javafx.scene.control.TextFormatter<>(new LongStringConverter(), value.get());
        f.setTextFormatter(formatter);
        formatter.valueProperty().addListener((o, a, v) -> value.set(v == null ? 0 : v));
        value.addListener((o, a, v) -> formatter.setValue(v.longValue()));
        grid.addRow(row++, new Label(label), f);
    }
}
