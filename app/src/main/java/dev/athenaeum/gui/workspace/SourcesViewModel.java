package dev.athenaeum.gui.workspace;

import dev.athenaeum.corpus.ScanResult;
import dev.athenaeum.gui.task.TaskRunner;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The folders a knowledge base reads. Adding or removing one changes the knowledge base (handed to
 * {@code changed}, which saves it) and counts its markdown files with a background scan.
 */
public final class SourcesViewModel {

    private final KnowledgeBaseSession session;
    private final TaskRunner tasks;
    private final Consumer<KnowledgeBase> changed;
    private final ObservableList<SourceRow> rows = FXCollections.observableArrayList();
    /** One read-only view, kept: it listens to the list weakly, so a fresh view per call could lose its listeners. */
    private final ObservableList<SourceRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final StringProperty status = new SimpleStringProperty("");

    public SourcesViewModel(KnowledgeBaseSession session, TaskRunner tasks, Consumer<KnowledgeBase> changed) {
        this.session = session;
        this.tasks = tasks;
        this.changed = changed;
        session.knowledgeBase().sources().forEach(f -> {
            SourceRow row = new SourceRow(f);
            rows.add(row);
            count(row);
        });
    }

    /** Adds a folder; files and duplicates are refused with a message, not an error. */
    public void add(Path folder) {
        Path normalized = folder.toAbsolutePath().normalize();
        if (session.knowledgeBase().sources().contains(normalized)) {
            status.set(normalized.getFileName() + " is already a source.");
            return;
        }
        if (!Files.isDirectory(normalized)) {
            status.set(normalized + " is not a folder.");
            return;
        }
        apply(session.knowledgeBase().withSource(normalized));
        SourceRow row = new SourceRow(normalized);
        rows.add(row);
        count(row);
        status.set("Added " + normalized.getFileName() + ": build the index to include it.");
    }

    public void remove(SourceRow row) {
        if (row == null || !rows.remove(row)) {
            return;
        }
        apply(session.knowledgeBase().withSources(session.knowledgeBase().sources().stream()
                .filter(p -> !p.equals(row.folder())).toList()));
        status.set("Removed " + row.folder().getFileName() + ": update the index to drop its files.");
    }

    private void apply(KnowledgeBase kb) {
        session.update(kb);
        changed.accept(kb);
    }

    private void count(SourceRow row) {
        // A folder that went away is the user's business, not an error: the list says so.
        tasks.task("Counting the files in " + row.folder(),
                        cancel -> Files.isDirectory(row.folder()) ? describe(session.scan(row.folder())) : "folder not found")
                .onSuccess(row::setFiles)
                .onFailure(e -> row.setFiles("cannot read"))
                .start();
    }

    static String describe(ScanResult scan) {
        int n = scan.files().size();
        String s = String.format(Locale.ROOT, "%d markdown file%s", n, n == 1 ? "" : "s");
        return scan.skipped().isEmpty() ? s : s + String.format(Locale.ROOT, ", %d skipped", scan.skipped().size());
    }

    public ObservableList<SourceRow> rows() {
        return rowsView;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public List<Path> folders() {
        return rows.stream().map(SourceRow::folder).toList();
    }
}
