package dev.athenaeum.gui.workspace;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.io.File;

/** The source folders with their file counts; add with the chooser or by dropping folders on the list. */
public final class SourcesView {

    private final SourcesViewModel vm;
    private final FolderChooser chooser;
    private final VBox root = new VBox();
    private final ListView<SourceRow> list = new ListView<>();
    private final Button add = new Button("Add folder…");
    private final Button remove = new Button("Remove");
    private final Label status = new Label();

    public SourcesView(SourcesViewModel vm, FolderChooser chooser) {
        this.vm = vm;
        this.chooser = chooser;
        createView();
        initListeners();
    }

    public Node root() {
        return root;
    }

    private void createView() {
        list.setId("sources");
        list.setAccessibleText("Source folders");
        list.setPrefHeight(140);
        list.setPlaceholder(new Label("Drop folders of markdown here"));
        list.setCellFactory(l -> new ListCell<>() {
            private final Label name = new Label();
            private final Label detail = new Label();
            private final VBox box = new VBox(1, name, detail);

            {
                detail.getStyleClass().add("muted");
            }

            @Override
            protected void updateItem(SourceRow row, boolean empty) {
                super.updateItem(row, empty);
                name.textProperty().unbind();
                detail.textProperty().unbind();
                accessibleTextProperty().unbind();
                if (empty || row == null) {
                    setGraphic(null);
                    setAccessibleText(null);
                    return;
                }
                name.setText(String.valueOf(row.folder().getFileName()));
                detail.textProperty().bind(row.filesProperty());
                setTooltip(new Tooltip(row.folder().toString()));
                accessibleTextProperty().bind(Bindings.concat(row.folder().toString(), ", ", row.filesProperty()));
                setGraphic(box);
            }
        });
        add.setId("addSource");
        add.setTooltip(new Tooltip("Add a folder of markdown files (or drop one on the list)"));
        remove.setId("removeSource");
        remove.setAccessibleText("Remove the selected folder");
        status.getStyleClass().add("muted");
        status.setWrapText(true);
        Label title = new Label("Sources");
        title.getStyleClass().add("pane-title");
        root.getStyleClass().add("panel");
        root.getChildren().addAll(title, list, new HBox(8, add, remove), status);
    }

    private void initListeners() {
        status.textProperty().bind(vm.statusProperty());
        list.setItems(vm.rows());
        add.setOnAction(e -> chooser.choose(root.getScene().getWindow(), "Add a folder of markdown files")
                .ifPresent(vm::add));
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> vm.remove(list.getSelectionModel().getSelectedItem()));
        list.setOnDragOver(this::dragOver);
        list.setOnDragExited(e -> list.getStyleClass().remove("drop-target"));
        list.setOnDragDropped(e -> {
            boolean any = e.getDragboard().hasFiles();
            if (any) {
                e.getDragboard().getFiles().stream().filter(File::isDirectory).map(File::toPath).forEach(vm::add);
            }
            e.setDropCompleted(any);
            e.consume();
        });
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().stream().anyMatch(File::isDirectory)) {
            e.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
            if (!list.getStyleClass().contains("drop-target")) {
                list.getStyleClass().add("drop-target");
            }
        }
        e.consume();
    }
}
