package dev.athenaeum.gui.search;

import dev.athenaeum.gui.task.TaskRunner;
import dev.athenaeum.gui.workspace.KnowledgeBaseSession;
import dev.athenaeum.search.Highlighter;
import dev.athenaeum.search.SearchMode;
import dev.athenaeum.search.SearchRequest;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * The search pane: query, mode and number of results in; results out. Searches run in the background; when the user
 * searches again before an answer arrives, only the newest answer is shown.
 */
public final class SearchViewModel {

    public static final int DEFAULT_TOP_K = 10;

    private final KnowledgeBaseSession session;
    private final TaskRunner tasks;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObjectProperty<SearchMode> mode = new SimpleObjectProperty<>(SearchMode.HYBRID);
    private final IntegerProperty topK = new SimpleIntegerProperty(DEFAULT_TOP_K);
    private final ObservableList<ResultItem> results = FXCollections.observableArrayList();
    /** One read-only view, kept: it listens to the list weakly, so a fresh view per call could lose its listeners. */
    private final ObservableList<ResultItem> resultsView = FXCollections.unmodifiableObservableList(results);
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty searching = new SimpleBooleanProperty();
    private BiConsumer<ResultItem, String> opener = (item, q) -> { };
    private long generation;

    public SearchViewModel(KnowledgeBaseSession session, TaskRunner tasks) {
        this.session = session;
        this.tasks = tasks;
    }

    public void search() {
        String q = query.get() == null ? "" : query.get().strip();
        if (q.isEmpty()) {
            status.set("Type a question or some words, then press Enter.");
            return;
        }
        SearchRequest request = SearchRequest.builder(q).mode(mode.get()).topK(topK.get()).build();
        long mine = ++generation;
        searching.set(true);
        status.set("Searching…");
        long started = System.nanoTime();
        tasks.task("Searching for \"" + q + "\"", cancel -> {
                    if (!session.hasIndex()) {
                        return null;
                    }
                    Highlighter highlighter = new Highlighter(q);
                    return session.search(request).stream().map(h -> ResultItem.of(h, highlighter)).toList();
                })
                .onSuccess(items -> {
                    if (mine == generation) {
                        show(q, items, (System.nanoTime() - started) / 1_000_000);
                    }
                })
                .onFailure(e -> status.set("The search failed."))
                .whenDone(() -> searching.set(mine != generation))
                .start();
    }

    private void show(String q, List<ResultItem> items, long millis) {
        if (items == null) {
            results.clear();
            status.set("There is no index yet: build it first.");
            return;
        }
        results.setAll(items);
        status.set(items.isEmpty() ? "No results for \"" + q + "\"."
                : String.format(Locale.ROOT, "%d result%s in %d ms", items.size(), items.size() == 1 ? "" : "s", millis));
    }

    /** Shows a result's source: handed to whoever renders documents. */
    public void open(ResultItem item) {
        if (item != null) {
            opener.accept(item, query.get());
        }
    }

    public void setOpener(BiConsumer<ResultItem, String> opener) {
        this.opener = opener;
    }

    /** After a build: results of the old index may point at old text. */
    public void indexChanged() {
        status.set(results.isEmpty() ? "The index is ready: search it." : "The index changed: search again to update.");
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObjectProperty<SearchMode> modeProperty() {
        return mode;
    }

    public IntegerProperty topKProperty() {
        return topK;
    }

    public ObservableList<ResultItem> results() {
        return resultsView;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching;
    }
}
