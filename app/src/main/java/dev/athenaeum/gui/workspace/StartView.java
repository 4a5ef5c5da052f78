package dev.athenaeum.gui.workspace;

import atlantafx.base.theme.Styles;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Recent knowledge bases, the sample, and a new knowledge base from a folder. */
public final class StartView {

    private final StartViewModel vm;
    private final FolderChooser chooser;
    private final StackPane root = new StackPane();
    private final Button sample = new Button("Open sample knowledge base");
    private final Button create = new Button("New knowledge base…");
    private final ListView<RecentEntry> recent = new ListView<>();
    private final Label status = new Label();

    public StartView(StartViewModel vm, FolderChooser chooser) {
        this.vm = vm;
        this.chooser = chooser;
        createView();
        initListeners();
    }

    public Node root() {
        return root;
    }

    private void createView() {
        Label title = new Label("Athenaeum");
        title.getStyleClass().add(Styles.TITLE_1);
        Label intro = new Label("Point Athenaeum at folders of markdown, build a local index, then search it by meaning"
                + " and by words. Nothing leaves this computer.");
        intro.setWrapText(true);
        intro.getStyleClass().add("muted");
        sample.setId("openSample");
        sample.getStyleClass().add(Styles.ACCENT);
        sample.setAccessibleText("Open the sample knowledge base: Athenaeum's user guide");
        create.setId("newKnowledgeBase");
        create.setAccessibleText("Create a knowledge base from a folder of markdown");
        Label recentTitle = new Label("Recent knowledge bases");
        recentTitle.getStyleClass().add(Styles.TITLE_4);
        recent.setId("recent");
        recent.setAccessibleText("Recent knowledge bases");
        recent.setPlaceholder(new Label("None yet: open the sample or create one."));
        recent.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(RecentEntry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : e.name());
                setAccessibleText(empty || e == null ? null : "Open " + e.name());
            }
        });
        VBox.setVgrow(recent, Priority.ALWAYS);
        status.getStyleClass().add(Styles.DANGER);
        VBox box = new VBox(title, intro, new HBox(8, sample, create), status, recentTitle, recent);
        box.getStyleClass().add("start-screen");
        root.getChildren().add(box);
    }

    private void initListeners() {
        status.textProperty().bind(vm.statusProperty());
        recent.setItems(vm.recent());
        sample.setOnAction(e -> vm.openSample());
        create.setOnAction(e -> chooser.choose(root.getScene().getWindow(), "Choose a folder of markdown files")
                .ifPresent(vm::create));
        recent.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                vm.open(recent.getSelectionModel().getSelectedItem());
            }
        });
        recent.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.open(recent.getSelectionModel().getSelectedItem());
            }
        });
    }
}
