package dev.athenaeum.gui;

import dev.athenaeum.app.Home;
import dev.athenaeum.gui.task.TaskRunner;
import dev.athenaeum.gui.workspace.KnowledgeBase;
import dev.athenaeum.gui.workspace.KnowledgeBaseSession;
import dev.athenaeum.gui.workspace.Models;
import dev.athenaeum.gui.workspace.StartViewModel;
import dev.athenaeum.gui.workspace.WorkbenchStore;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.nio.file.Path;

/**
 * The whole workbench: the start screen or one open knowledge base, and the theme. On the very first launch the
 * sample knowledge base opens (and builds) by itself, so there is something to search at once.
 */
public final class WorkbenchViewModel {

    private final WorkbenchStore store;
    private final Models models;
    private final TaskRunner tasks;
    private final StartViewModel start;
    private final ObjectProperty<KnowledgeBaseViewModel> current = new SimpleObjectProperty<>();
    private final BooleanProperty darkTheme = new SimpleBooleanProperty();

    public WorkbenchViewModel(WorkbenchStore store, Home home, Models models, TaskRunner tasks) {
        this.store = store;
        this.models = models;
        this.tasks = tasks;
        this.start = new StartViewModel(store, home, tasks, this::open);
    }

    /**
     * Reads the settings and shows the first screen: {@code folder} as a knowledge base when given, the sample on
     * the first launch, otherwise the start screen.
     */
    public void launch(Path folder) {
        tasks.task("Reading the workbench settings", cancel -> store.settings())
                .onSuccess(settings -> {
                    darkTheme.set(settings.darkTheme());
                    darkTheme.addListener((obs, was, dark) -> saveTheme(dark));
                    if (folder != null) {
                        start.create(folder);
                    } else if (!settings.launchedBefore()) {
                        start.openSample();
                    } else {
                        start.refresh();
                    }
                })
                .start();
    }

    private void open(Path file, KnowledgeBase kb, boolean buildIfMissing) {
        closeCurrent();
        KnowledgeBaseSession session = new KnowledgeBaseSession(kb, models);
        KnowledgeBaseViewModel vm = new KnowledgeBaseViewModel(session, file, store, tasks);
        current.set(vm);
        tasks.task("Remembering " + kb.name(), cancel -> {
            store.remember(file, kb.name());
            return session.hasIndex();
        }).onSuccess(hasIndex -> {
            if (buildIfMissing && !hasIndex && current.get() == vm) {
                vm.build().build();
            }
        }).start();
    }

    /** Back to the start screen. */
    public void closeKnowledgeBase() {
        closeCurrent();
        start.refresh();
    }

    private void closeCurrent() {
        KnowledgeBaseViewModel old = current.get();
        current.set(null);
        if (old != null) {
            old.close();
        }
    }

    private void saveTheme(boolean dark) {
        tasks.task("Saving the theme", cancel -> {
            store.saveSettings(store.settings().withDarkTheme(dark));
            return dark;
        }).start();
    }

    public StartViewModel start() {
        return start;
    }

    public ReadOnlyObjectProperty<KnowledgeBaseViewModel> currentProperty() {
        return current;
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }
}
