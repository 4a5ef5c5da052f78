package dev.athenaeum.gui;

import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;

import dev.athenaeum.app.Home;
import dev.athenaeum.gui.error.ErrorReporter;
import dev.athenaeum.gui.task.TaskRunner;
import dev.athenaeum.gui.theme.Themes;
import dev.athenaeum.gui.workspace.FolderChooser;
import dev.athenaeum.gui.workspace.Models;
import dev.athenaeum.gui.workspace.WorkbenchStore;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Puts the workbench together on a stage: the error reporter, the task runner, the view models and views. The
 * application and the UI tests both start here, so tests drive the real wiring.
 */
public final class WorkbenchWindow {

    private final WorkbenchViewModel viewModel;
    private final ErrorReporter errors;
    private final Models models;

    private WorkbenchWindow(WorkbenchViewModel viewModel, ErrorReporter errors, Models models) {
        this.viewModel = viewModel;
        this.errors = errors;
        this.models = models;
    }

    /** Call on the UI thread. {@code folder}, when not null, opens as a knowledge base. */
    public static WorkbenchWindow open(Stage stage, WorkbenchStore store, Home home, FolderChooser chooser, Path folder) {
        ErrorReporter errors = new ErrorReporter(() -> stage);
        errors.installAsDefault();
        TaskRunner tasks = TaskRunner.fx(errors);
        Models models = Models.fromEnvironment();
        // JavaFX reports the operating system's light or dark setting, and its changes, where the platform tells it.
        var scheme = Platform.getPreferences().colorSchemeProperty();
        WorkbenchViewModel vm = new WorkbenchViewModel(store, home, models, tasks,
                Bindings.createBooleanBinding(() -> scheme.get() == ColorScheme.DARK, scheme));
        WorkbenchView view = new WorkbenchView(vm, chooser);
        Scene scene = new Scene(view.root(), 1280, 800);
        Themes.style(scene);
        Themes.apply(vm.darkThemeProperty().get());
        vm.darkThemeProperty().addListener((obs, was, dark) -> Themes.apply(dark));
        stage.setTitle("Athenaeum");
        stage.getIcons().setAll(new Image(WorkbenchWindow.class.getResource("athenaeum.png").toExternalForm()));
        stage.setScene(scene);
        StartupProbe.attach(scene, vm);
        stage.show();
        vm.launch(folder);
        return new WorkbenchWindow(vm, errors, models);
    }

    public WorkbenchViewModel viewModel() {
        return viewModel;
    }

    public ErrorReporter errors() {
        return errors;
    }

    /**
     * Closes the open knowledge base (its build, watcher, previews, chat and local server stop) and frees the
     * embedding models once the inferences under way end; the process may go on (tests open several windows).
     * Runs on the UI thread, waiting for it when called from another.
     */
    public void close() {
        if (!Platform.isFxApplicationThread()) {
            FutureTask<Void> onUi = new FutureTask<>(this::close, null);
            Platform.runLater(onUi);
            try {
                onUi.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                throw new IllegalStateException("closing the workbench failed: " + e.getCause().getMessage(), e.getCause());
            }
            return;
        }
        viewModel.close();
        models.close();
    }
}
