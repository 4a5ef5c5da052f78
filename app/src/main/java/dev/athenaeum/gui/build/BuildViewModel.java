package dev.athenaeum.gui.build;

import dev.athenaeum.corpus.SkippedFile;
import dev.athenaeum.gui.task.BackgroundTask;
import dev.athenaeum.gui.task.LatestOnUi;
import dev.athenaeum.gui.task.TaskRunner;
import dev.athenaeum.gui.workspace.KnowledgeBaseSession;
import dev.athenaeum.index.BuildReport;
import dev.athenaeum.progress.IndexProgress;
import dev.athenaeum.progress.Phase;
import dev.athenaeum.progress.ProgressText;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/**
 * Building or updating the index: progress (phase, counts, rate, ETA) while it runs, cancel, and afterwards what
 * was done and which files were skipped and why. Progress arrives from the builder's threads and is thinned out to
 * the newest value before it reaches the UI thread.
 */
public final class BuildViewModel {

    private final KnowledgeBaseSession session;
    private final TaskRunner tasks;
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty phase = new SimpleStringProperty("");
    private final StringProperty counts = new SimpleStringProperty("");
    private final StringProperty rate = new SimpleStringProperty("");
    private final StringProperty eta = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final ObservableList<SkippedFile> skipped = FXCollections.observableArrayList();
    /** One read-only view, kept: it listens to the list weakly, so a fresh view per call could lose its listeners. */
    private final ObservableList<SkippedFile> skippedView = FXCollections.unmodifiableObservableList(skipped);
    private final ObjectProperty<BuildReport> lastReport = new SimpleObjectProperty<>();
    private final List<Runnable> onBuilt = new ArrayList<>();
    private BackgroundTask<BuildReport> current;

    public BuildViewModel(KnowledgeBaseSession session, TaskRunner tasks) {
        this.session = session;
        this.tasks = tasks;
    }

    public void build() {
        if (running.get()) {
            return;
        }
        running.set(true);
        skipped.clear();
        summary.set("");
        // Not indeterminate while the model loads: that animation costs the UI thread far more than it tells.
        progress.set(0);
        phase.set(session.knowledgeBase().sources().isEmpty() ? "" : "Loading the embedding model…");
        counts.set("");
        rate.set("");
        eta.set("");
        LatestOnUi<IndexProgress> updates = tasks.latestOnUi(this::show);
        current = tasks.task("Building the index of " + session.knowledgeBase().name(),
                        cancel -> session.build(updates::post, cancel))
                .onSuccess(this::finished)
                .onCancelled(() -> ended("Cancelled", "Build cancelled: the index is as it was before."))
                .onFailure(e -> ended("Failed", "The build failed; the index is as it was before."))
                .whenDone(() -> running.set(false))
                .start();
    }

    public void cancel() {
        if (current != null && running.get()) {
            current.cancel();
            phase.set("Cancelling…");
        }
    }

    public void onBuilt(Runnable listener) {
        onBuilt.add(listener);
    }

    private void show(IndexProgress p) {
        if (!running.get()) {
            return;
        }
        phase.set(p.phase().label());
        progress.set(p.total() <= 0 ? 0 : p.fraction());
        counts.set(ProgressText.counts(p));
        String unit = ProgressText.unit(p.phase());
        rate.set(p.ratePerSecond() > 0 ? ProgressText.rate(p.ratePerSecond(), unit) : "");
        eta.set(p.eta() != null && p.done() < p.total() ? "ETA " + ProgressText.eta(p.eta()) : "");
        if (current != null && current.isCancelled()) {
            phase.set("Cancelling…");
        }
    }

    private void finished(BuildReport report) {
        lastReport.set(report);
        phase.set(Phase.DONE.label());
        progress.set(1);
        rate.set("");
        eta.set("");
        counts.set("");
        skipped.setAll(report.skipped());
        summary.set(BuildSummary.of(report));
        onBuilt.forEach(Runnable::run);
    }

    private void ended(String phaseText, String message) {
        phase.set(phaseText);
        progress.set(0);
        rate.set("");
        eta.set("");
        summary.set(message);
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty phaseProperty() {
        return phase;
    }

    public ReadOnlyStringProperty countsProperty() {
        return counts;
    }

    public ReadOnlyStringProperty rateProperty() {
        return rate;
    }

    public ReadOnlyStringProperty etaProperty() {
        return eta;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    public ObservableList<SkippedFile> skipped() {
        return skippedView;
    }

    public ReadOnlyObjectProperty<BuildReport> lastReportProperty() {
        return lastReport;
    }
}
