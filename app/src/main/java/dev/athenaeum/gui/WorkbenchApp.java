package dev.athenaeum.gui;

import dev.athenaeum.app.Home;
import dev.athenaeum.app.StartupCache;
import dev.athenaeum.gui.workspace.FolderChooser;
import dev.athenaeum.gui.workspace.WorkbenchStore;
import javafx.application.Application;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The JavaFX application; started by {@link Workbench}, never directly (see there). */
public final class WorkbenchApp extends Application {

    private WorkbenchWindow window;

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        Path folder = args.isEmpty() ? null : Path.of(args.get(0));
        window = WorkbenchWindow.open(stage, WorkbenchStore.fromSystem(), Home.fromSystem(), FolderChooser.system(), folder);
        StartupCache.fromSystem().ifPresent(cache -> cache.ensureInBackground(Duration.ofSeconds(30)));
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
