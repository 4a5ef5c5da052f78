package dev.athenaeum.gui.deploy;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The deployment as it runs: its steps, the progress of the current one, and what AWS reports. */
final class ProgressPage {

    private final DeployProgressModel progress;
    private final VBox root = new VBox(8);
    private final ProgressBar bar = new ProgressBar(0);
    private final ListView<StepRow> steps = new ListView<>();
    private final ListView<String> log = new ListView<>();

    ProgressPage(DeployProgressModel progress) {
        this.progress = progress;
        createView();
        initListeners();
    }

    Node root() {
        return root;
    }

    private void createView() {
        bar.setId("deployProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setAccessibleText("Progress of the current step");
        steps.setId("deploySteps");
        steps.setPrefHeight(190);
        steps.setAccessibleText("Deployment steps");
        log.setId("deployLog");
        log.setAccessibleText("What the deployment and CloudFormation report");
        VBox.setVgrow(log, Priority.ALWAYS);
        root.getChildren().addAll(bar, steps, new Label("Log"), log);
    }

    private void initListeners() {
        bar.progressProperty().bind(progress.progressProperty());
        steps.setItems(progress.steps());
        log.setItems(progress.log());
        progress.log().addListener((ListChangeListener<String>) c -> {
            if (!progress.log().isEmpty()) {
                log.scrollTo(progress.log().size() - 1);
            }
        });
    }
}
