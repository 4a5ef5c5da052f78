package dev.athenaeum.gui.error;

import dev.athenaeum.app.ErrorText;
import dev.athenaeum.gui.task.TaskFailure;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Every failure the user should know of: failed background tasks and uncaught exceptions on any thread. Each one
 * opens a dialog with the explanation and the details (stack trace), and is kept in {@link #reported()} so tests
 * can assert that nothing failed unseen.
 */
public final class ErrorReporter implements Consumer<TaskFailure> {

    private final Supplier<Window> owner;
    private final ObservableList<TaskFailure> reported = FXCollections.observableArrayList();

    public ErrorReporter(Supplier<Window> owner) {
        this.owner = owner;
    }

    /** Routes uncaught exceptions of every thread, the UI thread included, here. */
    public void installAsDefault() {
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> accept(new TaskFailure("Unexpected error in " + thread.getName(), e)));
    }

    @Override
    public void accept(TaskFailure failure) {
        if (!Platform.isFxApplicationThread()) {
            Platform.runLater(() -> accept(failure));
            return;
        }
        reported.add(failure);
        show(failure);
    }

    public ObservableList<TaskFailure> reported() {
        return reported;
    }

    private void show(TaskFailure failure) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner.get());
        alert.setTitle("Athenaeum");
        alert.setHeaderText(failure.title() + " failed");
        alert.setContentText(explain(failure.error()));
        TextArea details = new TextArea(stackTrace(failure.error()));
        details.setEditable(false);
        details.setWrapText(false);
        details.setPrefRowCount(14);
        details.setAccessibleText("Error details");
        alert.getDialogPane().setExpandableContent(details);
        alert.getDialogPane().setId("errorDialog");
        // Not showAndWait: a dialog must never stop the UI thread from processing other work's results.
        alert.show();
    }

    static String explain(Throwable e) {
        String known = ErrorText.known(e);
        return known != null ? known : "Unexpected error: " + e + ". The details below help to report it.";
    }

    static String stackTrace(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
