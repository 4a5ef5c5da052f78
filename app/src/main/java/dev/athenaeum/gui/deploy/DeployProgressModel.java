package dev.athenaeum.gui.deploy;

import dev.athenaeum.deploy.DeploymentListener;
import dev.athenaeum.deploy.DeploymentStep;
import dev.athenaeum.deploy.StepOutcome;
import dev.athenaeum.deploy.stack.StackEvent;
import dev.athenaeum.deploy.stack.StackPlan;
import dev.athenaeum.gui.task.LatestOnUi;
import dev.athenaeum.gui.task.TaskRunner;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executor;

/**
 * The deploy page: each step with its state, a log of what the steps and CloudFormation report, and the progress of
 * the long steps (image layers pushed, index bytes sent). The deployment reports on its own threads; everything is
 * handed to the UI thread here, progress coalesced to the latest value.
 */
public final class DeployProgressModel implements DeploymentListener {

    /** Enough to scroll back through a stack's events; older lines go. */
    static final int MAX_LOG_LINES = 2000;

    private final Executor ui;
    private final ObservableList<StepRow> steps = FXCollections.observableArrayList();
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final LatestOnUi<double[]> latestProgress;
    private long started = System.nanoTime();

    public DeployProgressModel(TaskRunner tasks) {
        this.ui = tasks.ui();
        this.latestProgress = tasks.latestOnUi(p -> progress.set(p[0]));
    }

    /** Every step waiting, nothing logged; on the UI thread. */
    void reset(DeploymentStep... shown) {
        started = System.nanoTime();
        steps.setAll(Arrays.stream(shown).map(s -> new StepRow(s, StepRow.State.WAITING, "")).toList());
        log.clear();
        progress.set(0);
    }

    @Override
    public void onStepStarted(DeploymentStep step) {
        ui.execute(() -> {
            set(step, StepRow.State.RUNNING, "");
            progress.set(-1);
            line(step.title() + " …");
        });
    }

    @Override
    public void onStepFinished(StepOutcome outcome) {
        ui.execute(() -> {
            set(outcome.step(), outcome.status() == StepOutcome.Status.DONE ? StepRow.State.DONE : StepRow.State.SKIPPED,
                    outcome.detail());
            progress.set(0);
            line(outcome.toString());
        });
    }

    /** The step that was running when the deployment stopped, with the reason. */
    void failed(String reason) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).state() == StepRow.State.RUNNING) {
                steps.set(i, new StepRow(steps.get(i).step(), StepRow.State.FAILED, reason));
            }
        }
        line(reason);
    }

    @Override
    public void onPlan(StackPlan plan) {
        ui.execute(() -> plan.summary().lines().forEach(this::line));
    }

    @Override
    public void onStep(String step) {
        ui.execute(() -> line("  " + step));
    }

    @Override
    public void onEvent(StackEvent event) {
        String text = "  " + event.logicalId() + " (" + event.resourceType() + ") " + event.status()
                + event.reason().map(r -> ": " + r).orElse("");
        ui.execute(() -> line(text));
    }

    @Override
    public void onProgress(DeploymentStep step, double fraction, String detail) {
        latestProgress.post(new double[] {fraction});
    }

    private void set(DeploymentStep step, StepRow.State state, String detail) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).step() == step) {
                steps.set(i, new StepRow(step, state, detail));
                return;
            }
        }
        steps.add(new StepRow(step, state, detail));
    }

    private void line(String text) {
        long s = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        log.add(String.format("[%2d:%02d] %s", s / 60, s % 60, text));
        if (log.size() > MAX_LOG_LINES) {
            log.remove(0, log.size() - MAX_LOG_LINES);
        }
    }

    public ObservableList<StepRow> steps() {
        return steps;
    }

    public ObservableList<String> log() {
        return log;
    }

    /** 0 to 1 while a long step reports how far it is, -1 (indeterminate) while a step runs without saying. */
    public DoubleProperty progressProperty() {
        return progress;
    }
}
