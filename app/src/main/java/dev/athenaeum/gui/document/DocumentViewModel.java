package dev.athenaeum.gui.document;

import dev.athenaeum.corpus.DocumentLoader;
import dev.athenaeum.corpus.LoadResult;
import dev.athenaeum.gui.task.BackgroundTask;
import dev.athenaeum.gui.task.TaskRunner;
import dev.athenaeum.gui.workspace.KnowledgeBaseSession;
import dev.athenaeum.search.Highlighter;
import dev.athenaeum.search.SearchHit;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The source file of a search result, rendered: its blocks (read and parsed in the background), the block the
 * result starts in ({@link #targetProperty()}, which the view scrolls to) and the query's words marked.
 */
public final class DocumentViewModel {

    /**
     * Blocks shown at most: more than the longest page of the npm and Node.js documentation has (1,956). The view
     * draws them a slice per frame; a longer file (a 5 MB table) shows this many around the result, and says so.
     */
    static final int MAX_BLOCKS = 2000;
    /** Of those, how many come before the result's block. */
    static final int BEFORE_TARGET = 500;

    private final KnowledgeBaseSession session;
    private final TaskRunner tasks;
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty location = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("Open a search result to read its source here.");
    private final ObservableList<Block> blocks = FXCollections.observableArrayList();
    /** One read-only view, kept: it listens to the list weakly, so a fresh view per call could lose its listeners. */
    private final ObservableList<Block> blocksView = FXCollections.unmodifiableObservableList(blocks);
    private final IntegerProperty target = new SimpleIntegerProperty(-1);
    private BackgroundTask<Loaded> loading;

    private record Loaded(String title, Path path, List<Block> blocks, int target, String note) {
    }

    public DocumentViewModel(KnowledgeBaseSession session, TaskRunner tasks) {
        this.session = session;
        this.tasks = tasks;
    }

    public void open(SearchHit hit, String query) {
        if (loading != null) {
            loading.cancel();
        }
        status.set("Opening " + hit.file() + "…");
        loading = tasks.task("Opening " + hit.file(), cancel -> load(hit, query))
                .onSuccess(this::show)
                .onFailure(e -> status.set("Could not open " + hit.file()))
                .start();
    }

    private Loaded load(SearchHit hit, String query) throws Exception {
        Path path = session.locate(hit.file()).orElseThrow(() -> new NoSuchFileException(hit.file(), null,
                "not found in the knowledge base's folders any more; update the index"));
        LoadResult result = DocumentLoader.fromBytes(hit.file(), Files.readAllBytes(path));
        if (!(result instanceof LoadResult.Loaded loaded)) {
            throw new IllegalArgumentException(((LoadResult.Skipped) result).skipped().toString());
        }
        String text = loaded.document().text();
        List<Block> all = MarkdownBlocks.parse(text);
        int target = MarkdownBlocks.blockAt(all, hit.startLine());
        int from = Math.max(0, Math.min(target - BEFORE_TARGET, all.size() - MAX_BLOCKS));
        int to = Math.min(all.size(), from + MAX_BLOCKS);
        String note = "";
        if (to - from < all.size()) {
            int lines = (int) text.lines().count();
            int lastLine = to < all.size() ? all.get(to).startLine() - 1 : lines;
            note = String.format(Locale.ROOT, "A long file: lines %,d to %,d of %,d are shown, around the result.",
                    all.get(from).startLine(), lastLine, lines);
        }
        // Only the blocks shown are marked: marking runs the keyword analyzer over every word.
        List<Block> shown = MarkdownBlocks.mark(all.subList(from, to), new Highlighter(query));
        String name = loaded.document().title() != null ? loaded.document().title() : hit.file();
        return new Loaded(name, path, shown, target - from, note);
    }

    private void show(Loaded doc) {
        target.set(-1);
        blocks.setAll(doc.blocks());
        title.set(doc.title());
        location.set(doc.path().toString());
        status.set(doc.note());
        target.set(doc.target());
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ReadOnlyStringProperty locationProperty() {
        return location;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ObservableList<Block> blocks() {
        return blocksView;
    }

    public ReadOnlyIntegerProperty targetProperty() {
        return target;
    }
}
