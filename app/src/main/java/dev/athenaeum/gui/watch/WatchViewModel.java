package dev.athenaeum.gui.watch;

import dev.athenaeum.gui.task.TaskRunner;
import dev.athenaeum.gui.workspace.KnowledgeBase;
import dev.athenaeum.gui.workspace.KnowledgeBaseSession;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Keeps an eye on the knowledge base's folders: when markdown files change it offers an update ("3 files changed —
 * Update index"), or runs it at once when the knowledge base is set to update by itself. The update is the usual
 * incremental build, which embeds only what changed.
 */
public final class WatchViewModel {

    public static final Duration QUIET = Duration.ofMillis(700);

    private final KnowledgeBaseSession session;
    private final TaskRunner tasks;
    private final Consumer<KnowledgeBase> changed;
    private final Duration quiet;
    private final BooleanProperty autoUpdate = new SimpleBooleanProperty();
    private final BooleanProperty bannerVisible = new SimpleBooleanProperty();
    private final StringProperty banner = new SimpleStringProperty("");
    private final IntegerProperty notices = new SimpleIntegerProperty();
    private final Set<Path> pending = new LinkedHashSet<>();
    private final List<Runnable> onChange = new ArrayList<>();
    private BooleanExpression busy = new SimpleBooleanProperty(false);
    private Runnable update = () -> { };
    private FolderWatcher watcher;

    public WatchViewModel(KnowledgeBaseSession session, TaskRunner tasks, Consumer<KnowledgeBase> changed, Duration quiet) {
        this.session = session;
        this.tasks = tasks;
        this.changed = changed;
        this.quiet = quiet;
        autoUpdate.set(session.knowledgeBase().autoUpdate());
        autoUpdate.addListener((obs, was, auto) -> {
            KnowledgeBase kb = session.knowledgeBase().withAutoUpdate(auto);
            session.update(kb);
            changed.accept(kb);
        });
    }

    /** What "Update index" runs, and while what it must wait (a build already running). */
    public void setUpdate(Runnable update, BooleanExpression busy) {
        this.update = update;
        this.busy = busy;
        busy.addListener((obs, was, now) -> {
            if (now) {
                // A build reads the folders as they are when it starts: what changed before is in it.
                dismiss();
            } else if (!pending.isEmpty() && autoUpdate.get()) {
                update();
            }
        });
    }

    /** Called on the UI thread with each batch of changes, before the banner or update. */
    public void onChange(Runnable listener) {
        onChange.add(listener);
    }

    /** Watches the knowledge base's folders as they are now (again, if it watched before). Folders are walked here. */
    public void watch() {
        stop();
        List<Path> folders = session.knowledgeBase().sources();
        FolderWatcher w = new FolderWatcher(folders, quiet, files -> tasks.ui().execute(() -> noticed(files)));
        watcher = w;
        tasks.task("Watching the folders of " + session.knowledgeBase().name(), cancel -> {
            w.start();
            return w;
        }).start();
    }

    private void noticed(Set<Path> files) {
        pending.addAll(files);
        notices.set(notices.get() + 1);
        onChange.forEach(Runnable::run);
        if (autoUpdate.get() && !busy.get()) {
            update();
            return;
        }
        int n = pending.size();
        banner.set(String.format(Locale.ROOT, "%d %s changed", n, n == 1 ? "file" : "files"));
        bannerVisible.set(true);
    }

    /** Runs the incremental update and hides the banner; changes from now on count towards the next one. */
    public void update() {
        pending.clear();
        bannerVisible.set(false);
        update.run();
    }

    public void dismiss() {
        pending.clear();
        bannerVisible.set(false);
    }

    public void stop() {
        if (watcher != null) {
            FolderWatcher w = watcher;
            watcher = null;
            w.close();
        }
    }

    public BooleanProperty autoUpdateProperty() {
        return autoUpdate;
    }

    public ReadOnlyBooleanProperty bannerVisibleProperty() {
        return bannerVisible;
    }

    public ReadOnlyStringProperty bannerProperty() {
        return banner;
    }

    /** How many batches of changes arrived. */
    public ReadOnlyIntegerProperty noticesProperty() {
        return notices;
    }

    public Set<Path> pending() {
        return Set.copyOf(pending);
    }
}
