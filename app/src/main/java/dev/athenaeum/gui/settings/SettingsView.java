package dev.athenaeum.gui.settings;

import atlantafx.base.theme.Styles;
import dev.athenaeum.gui.theme.ThemeChoice;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.EnumMap;
import java.util.Map;

/** Theme, providers and the OpenAI key. */
public final class SettingsView {

    private final SettingsViewModel vm;
    private final VBox content = new VBox(12);
    private final ScrollPane root = new ScrollPane(content);
    private final ToggleGroup themes = new ToggleGroup();
    private final Map<ThemeChoice, RadioButton> themeButtons = new EnumMap<>(ThemeChoice.class);
    private final TextField ollamaUrl = new TextField();
    private final TextField openAiUrl = new TextField();
    private final PasswordField key = new PasswordField();
    private final Button test = new Button("Test connection");
    private final Button saveProviders = new Button("Save");
    private final Button saveKey = new Button("Save key");
    private final Button removeKey = new Button("Remove key");
    private final Button close = new Button("Done");
    private final Label keyStatus = new Label();
    private final Label connection = new Label();
    private final Label error = new Label();

    public SettingsView(SettingsViewModel vm) {
        this.vm = vm;
        createView();
        initListeners();
    }

    public Node root() {
        return root;
    }

    /** The button that leaves the page. */
    public Button closeButton() {
        return close;
    }

    private void createView() {
        Label title = new Label("Settings");
        title.getStyleClass().add(Styles.TITLE_3);
        HBox themeRow = new HBox(12);
        for (ThemeChoice c : ThemeChoice.values()) {
            RadioButton b = new RadioButton(c.label());
            b.setId("theme" + c.name().charAt(0) + c.name().substring(1).toLowerCase(java.util.Locale.ROOT));
            b.setToggleGroup(themes);
            b.setUserData(c);
            themeButtons.put(c, b);
            themeRow.getChildren().add(b);
        }
        ollamaUrl.setId("settingsOllamaUrl");
        ollamaUrl.setAccessibleText("Ollama base URL");
        openAiUrl.setId("settingsOpenAiUrl");
        openAiUrl.setAccessibleText("OpenAI base URL (or an OpenAI-compatible service)");
        HBox.setHgrow(ollamaUrl, Priority.ALWAYS);
        HBox.setHgrow(openAiUrl, Priority.ALWAYS);
        test.setId("settingsTestOllama");
        saveProviders.setId("settingsSaveProviders");
        key.setId("settingsOpenAiKey");
        key.setPromptText("sk-…");
        key.setAccessibleText("OpenAI API key");
        HBox.setHgrow(key, Priority.ALWAYS);
        saveKey.setId("settingsSaveKey");
        removeKey.setId("settingsRemoveKey");
        close.setId("settingsDone");
        close.getStyleClass().add(Styles.ACCENT);
        keyStatus.setId("settingsKeyStatus");
        keyStatus.setWrapText(true);
        connection.setId("settingsConnection");
        connection.setWrapText(true);
        error.setId("settingsError");
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        content.getChildren().addAll(title,
                section("Theme"), themeRow,
                section("Providers"), new Label("Ollama"), new HBox(8, ollamaUrl, test),
                new Label("OpenAI (or an OpenAI-compatible service)"), new HBox(8, openAiUrl), saveProviders, connection,
                section("OpenAI key"), new HBox(8, key, saveKey, removeKey), keyStatus,
                error, close);
        content.getStyleClass().add("panel");
        content.setMaxWidth(820);
        root.setFitToWidth(true);
        root.setId("settings");
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TITLE_4);
        return l;
    }

    private void initListeners() {
        themeButtons.get(vm.themeProperty().get()).setSelected(true);
        vm.themeProperty().addListener((o, was, now) -> themeButtons.get(now).setSelected(true));
        themes.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.themeProperty().set((ThemeChoice) now.getUserData());
            }
        });
        ollamaUrl.textProperty().bindBidirectional(vm.ollamaUrlProperty());
        openAiUrl.textProperty().bindBidirectional(vm.openAiUrlProperty());
        key.textProperty().bindBidirectional(vm.keyProperty());
        keyStatus.textProperty().bind(vm.keyStatusProperty());
        connection.textProperty().bind(vm.connectionProperty());
        error.textProperty().bind(vm.errorProperty());
        test.disableProperty().bind(vm.busyProperty());
        saveProviders.disableProperty().bind(vm.busyProperty());
        saveKey.disableProperty().bind(vm.busyProperty());
        removeKey.disableProperty().bind(vm.busyProperty());
        test.setOnAction(e -> vm.testOllama());
        saveProviders.setOnAction(e -> vm.saveProviders());
        saveKey.setOnAction(e -> vm.saveKey());
        removeKey.setOnAction(e -> vm.removeKey());
    }
}
