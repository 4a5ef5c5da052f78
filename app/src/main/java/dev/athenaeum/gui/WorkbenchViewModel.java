package dev.athenaeum.gui;

import dev.athenaeum.gui.settings.SettingsStore;
import dev.athenaeum.gui.settings.SettingsViewModel;
import dev.athenaeum.gui.theme.ThemeChoice;
import javafx.beans.value.ObservableBooleanValue;

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
    private final ObjectProperty<ThemeChoice> theme = new SimpleObjectProperty<>(ThemeChoice.LIGHT);
    private final ObservableBooleanValue systemDark;
    private boolean applyingTheme;
    private final SettingsViewModel settings;

    public WorkbenchViewModel(WorkbenchStore store, Home home, Models models, TaskRunner tasks) {
        this(store, home, models, tasks, new SimpleBooleanProperty(false));
    }

    /** {@code systemDark}: whether the operating system is set to dark, as it changes (read on the UI thread). */
    public WorkbenchViewModel(WorkbenchStore store, Home home, Models models, TaskRunner tasks,
                              ObservableBooleanValue systemDark) {
        this.store = store;
        this.models = models;
        this.tasks = tasks;
        this.systemDark = systemDark;
        this.start = new StartViewModel(store, home, tasks, this::open);
        this.settings = new SettingsViewModel(theme, new SettingsStore(store.dir()), tasks);
        // An open chat reads the providers and the key again once they were changed.
        settings.setOnSaved(() -> {
            if (current.get() != null) {
                current.get().chat().load();
            }
        });
        // The dark switch sets a theme of its own; a theme following the system follows it as it changes.
        darkTheme.addListener((obs, was, dark) -> {
            if (!applyingTheme) {
                theme.set(dark ? ThemeChoice.DARK : ThemeChoice.LIGHT);
            }
        });
        theme.addListener((obs, was, now) -> applyTheme());
        systemDark.addListener((obs, was, now) -> applyTheme());
    }

    private void applyTheme() {
        applyingTheme = true;
        try {
            darkTheme.set(theme.get().dark(systemDark.get()));
        } finally {
            applyingTheme = false;
        }
    }

    /**
     * Reads the settings and shows the first screen: {@code folder} as a knowledge base when given, the sample on
     * the first launch, otherwise the start screen.
     */
    public void launch(Path folder) {
        tasks.task("Reading the workbench settings", cancel -> store.settings())
                .onSuccess(settings -> {
                    theme.set(settings.themeChoice());
                    applyTheme();
                    theme.addListener((obs, was, now) -> saveTheme(now));
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

    /** Closes the open knowledge base, as the window closes; call on the UI thread. */
    public void close() {
        closeCurrent();
    }

    private void closeCurrent() {
        KnowledgeBaseViewModel old = current.get();
        current.set(null);
        if (old != null) {
            old.close();
        }
    }

    private void saveTheme(ThemeChoice choice) {
        tasks.task("Saving the theme", cancel -> {
            store.saveSettings(store.settings().withTheme(choice));
            return choice;
        }).start();
    }

    public StartViewModel start() {
        return start;
    }

    public ReadOnlyObjectProperty<KnowledgeBaseViewModel> currentProperty() {
        return current;
    }

    /** Whether the workbench is dark now: the switch in the top bar; setting it chooses light or dark. */
    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    public SettingsViewModel settings() {
        return settings;
    }

    /** Light, dark, or as the system is set (Settings). */
    public ObjectProperty<ThemeChoice> themeProperty() {
        return theme;
    }
}
