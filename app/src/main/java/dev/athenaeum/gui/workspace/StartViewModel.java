package dev.athenaeum.gui.workspace;

import dev.athenaeum.app.Home;
import dev.athenaeum.gui.task.TaskRunner;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The start screen: recent knowledge bases, the bundled sample, and a new knowledge base from a folder. Opening is
 * handed to an {@link Opener} (the workbench), once the knowledge base's file is read or written in the background.
 */
public final class StartViewModel {

    /** Shows a knowledge base; {@code buildIfMissing} builds its index at once when it has none. */
    @FunctionalInterface
    public interface Opener {
        void open(Path file, KnowledgeBase knowledgeBase, boolean buildIfMissing);
    }

    public static final String SAMPLE_NAME = "Athenaeum user guide (sample)";

    private final WorkbenchStore store;
    private final Home home;
    private final TaskRunner tasks;
    private final Opener opener;
    private final ObservableList<RecentEntry> recent = FXCollections.observableArrayList();
    /** One read-only view, kept: it listens to the list weakly, so a fresh view per call could lose its listeners. */
    private final ObservableList<RecentEntry> recentView = FXCollections.unmodifiableObservableList(recent);
    private final StringProperty status = new SimpleStringProperty("");

    public StartViewModel(WorkbenchStore store, Home home, TaskRunner tasks, Opener opener) {
        this.store = store;
        this.home = home;
        this.tasks = tasks;
        this.opener = opener;
    }

    public void refresh() {
        tasks.task("Reading the recent knowledge bases", cancel -> store.settings().recent().stream()
                        .filter(e -> Files.exists(e.file())).toList())
                .onSuccess(recent::setAll)
                .start();
    }

    /** The bundled guide, indexed where {@code athenaeum demo} puts it, so either builds it for both. */
    public void openSample() {
        Path guide = home.sampleGuide();
        if (!Files.isDirectory(guide)) {
            status.set("The bundled guide is missing: " + guide + " does not exist.");
            return;
        }
        KnowledgeBase kb = KnowledgeBase.of(SAMPLE_NAME, java.util.List.of(guide), home.sampleIndex());
        Path file = store.fileFor("sample guide");
        tasks.task("Opening the sample knowledge base", cancel -> {
            store.save(file, kb);
            return kb;
        }).onSuccess(saved -> opener.open(file, saved, true)).start();
    }

    /** A new knowledge base reading {@code folder}, named after it; its index is built when the user asks. */
    public void create(Path folder) {
        if (!Files.isDirectory(folder)) {
            status.set(folder + " is not a folder.");
            return;
        }
        Path normalized = folder.toAbsolutePath().normalize();
        String base = normalized.getFileName() == null ? "knowledge base" : normalized.getFileName().toString();
        tasks.task("Creating a knowledge base for " + normalized, cancel -> {
            String name = store.freeName(base);
            KnowledgeBase kb = KnowledgeBase.of(name, java.util.List.of(normalized), store.indexFor(name));
            Path file = store.fileFor(name);
            store.save(file, kb);
            return new Opened(file, kb);
        }).onSuccess(o -> opener.open(o.file(), o.knowledgeBase(), false)).start();
    }

    public void open(RecentEntry entry) {
        if (entry == null) {
            return;
        }
        tasks.task("Opening " + entry.name(), cancel -> store.load(entry.file()))
                .onSuccess(kb -> opener.open(entry.file(), kb, false))
                .start();
    }

    private record Opened(Path file, KnowledgeBase knowledgeBase) {
    }

    public ObservableList<RecentEntry> recent() {
        return recentView;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }
}
