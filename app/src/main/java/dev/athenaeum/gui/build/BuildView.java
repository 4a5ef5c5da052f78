package dev.athenaeum.gui.build;

import atlantafx.base.theme.Styles;
import dev.athenaeum.corpus.SkippedFile;
import javafx.beans.binding.BooleanExpression;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Build/Update and Cancel, the progress bar with phase, counts, rate and ETA, then the outcome and skipped files. */
public final class BuildView {

    private final BuildViewModel vm;
    private final BooleanExpression canBuild;
    private final VBox root = new VBox();
    private final Button build = new Button("Build / update index");
    private final Button cancel = new Button("Cancel");
    private final ProgressBar bar = new ProgressBar(0);
    private final Label phase = new Label();
    private final Label counts = new Label();
    private final Label rate = new Label();
    private final Label eta = new Label();
    private final Label summary = new Label();
    private final ListView<SkippedFile> skipped = new ListView<>();

    public BuildView(BuildViewModel vm, BooleanExpression canBuild) {
        this.vm = vm;
        this.canBuild = canBuild;
        createView();
        initListeners();
    }

    public Node root() {
        return root;
    }

    private void createView() {
        build.setId("build");
        build.getStyleClass().add(Styles.ACCENT);
        build.setTooltip(new Tooltip("Index new and changed files; unchanged files are reused"));
        cancel.setId("cancelBuild");
        cancel.setAccessibleText("Cancel the build");
        bar.setId("buildProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setAccessibleText("Build progress");
        phase.setId("buildPhase");
        counts.setId("buildCounts");
        rate.setId("buildRate");
        eta.setId("buildEta");
        for (Label l : new Label[] {counts, rate, eta}) {
            l.getStyleClass().addAll("muted", Styles.TEXT_SMALL);
        }
        summary.setId("buildSummary");
        summary.setWrapText(true);
        skipped.setId("skipped");
        skipped.setAccessibleText("Skipped files and why");
        skipped.setPrefHeight(120);
        skipped.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(SkippedFile item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.file() + " — " + item.reason());
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        Label title = new Label("Index");
        title.getStyleClass().add("pane-title");
        root.getStyleClass().add("panel");
        root.getChildren().addAll(title, new HBox(8, build, cancel), bar, phase, new HBox(12, counts, rate, eta),
                summary, skipped);
        VBox.setVgrow(skipped, Priority.SOMETIMES);
    }

    private void initListeners() {
        build.disableProperty().bind(canBuild.not());
        build.setOnAction(e -> vm.build());
        cancel.setOnAction(e -> vm.cancel());
        cancel.visibleProperty().bind(vm.runningProperty());
        cancel.managedProperty().bind(vm.runningProperty());
        bar.progressProperty().bind(vm.progressProperty());
        phase.textProperty().bind(vm.phaseProperty());
        counts.textProperty().bind(vm.countsProperty());
        rate.textProperty().bind(vm.rateProperty());
        eta.textProperty().bind(vm.etaProperty());
        summary.textProperty().bind(vm.summaryProperty());
        skipped.setItems(vm.skipped());
        skipped.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.skipped()));
        skipped.managedProperty().bind(skipped.visibleProperty());
    }
}
