package dev.athenaeum.gui;

import atlantafx.base.controls.ToggleSwitch;
import dev.athenaeum.gui.settings.SettingsView;
import dev.athenaeum.gui.workspace.FolderChooser;
import dev.athenaeum.gui.workspace.StartView;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The window's content: a tool bar (knowledge bases, dark theme) over the start screen or a knowledge base. */
public final class WorkbenchView {

    /** Ctrl+F on Linux and Windows, Cmd+F on macOS. */
    public static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination SETTINGS = new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN);

    private final WorkbenchViewModel vm;
    private final FolderChooser chooser;
    private final BorderPane root = new BorderPane();
    private final StartView start;
    private final Label knowledgeBase = new Label();
    private final Button home = new Button("Knowledge bases");
    private final ToggleSwitch dark = new ToggleSwitch("Dark");
    private final Button settingsButton = new Button("Settings");
    private final SettingsView settings;
    private Node beforeSettings;
    private KnowledgeBaseView current;

    public WorkbenchView(WorkbenchViewModel vm, FolderChooser chooser) {
        this.vm = vm;
        this.chooser = chooser;
        this.start = new StartView(vm.start(), chooser);
        this.settings = new SettingsView(vm.settings());
        createView();
        initListeners();
    }

    public Parent root() {
        return root;
    }

    private void createView() {
        Label title = new Label("Athenaeum");
        title.getStyleClass().add("app-title");
        knowledgeBase.setId("knowledgeBaseName");
        knowledgeBase.getStyleClass().add("muted");
        home.setId("home");
        home.setAccessibleText("Back to the list of knowledge bases");
        dark.setId("darkTheme");
        dark.setAccessibleText("Dark theme");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        settingsButton.setId("openSettings");
        settingsButton.setAccessibleText("Settings: theme, providers and keys (Ctrl+,)");
        settingsButton.setTooltip(new javafx.scene.control.Tooltip("Theme, providers and keys (Ctrl+,)"));
        HBox bar = new HBox(title, knowledgeBase, spacer, home, settingsButton, dark);
        bar.getStyleClass().add("toolbar-area");
        root.setTop(bar);
        root.setCenter(start.root());
    }

    private void initListeners() {
        dark.selectedProperty().bindBidirectional(vm.darkThemeProperty());
        home.setOnAction(e -> {
            closeSettings();
            vm.closeKnowledgeBase();
        });
        settingsButton.setOnAction(e -> openSettings());
        settings.closeButton().setOnAction(e -> closeSettings());
        vm.currentProperty().addListener((obs, old, kb) -> show(kb));
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(FIND, this::focusSearch);
                scene.getAccelerators().put(SETTINGS, this::openSettings);
            }
        });
    }

    private void show(KnowledgeBaseViewModel kb) {
        home.setDisable(kb == null);
        knowledgeBase.setText(kb == null ? "" : kb.name());
        current = kb == null ? null : new KnowledgeBaseView(kb, chooser);
        Node center = current == null ? start.root() : current.root();
        if (beforeSettings != null) {
            beforeSettings = center;
        } else {
            root.setCenter(center);
        }
        if (current != null) {
            current.focusSearch();
        }
    }

    /** Settings take the window until Done; the page under them stays as it was. */
    private void openSettings() {
        if (beforeSettings == null) {
            beforeSettings = root.getCenter();
            root.setCenter(settings.root());
            vm.settings().load();
        }
    }

    private void closeSettings() {
        if (beforeSettings != null) {
            root.setCenter(beforeSettings);
            beforeSettings = null;
        }
    }

    private void focusSearch() {
        if (current != null) {
            current.focusSearch();
        }
    }
}
