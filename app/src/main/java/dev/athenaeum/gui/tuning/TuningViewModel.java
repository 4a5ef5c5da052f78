package dev.athenaeum.gui.tuning;

import dev.athenaeum.chunking.ChunkSettings;
import dev.athenaeum.gui.task.BackgroundTask;
import dev.athenaeum.gui.task.Debouncer;
import dev.athenaeum.gui.task.LatestOnUi;
import dev.athenaeum.gui.task.TaskRunner;
import dev.athenaeum.gui.workspace.KnowledgeBase;
import dev.athenaeum.gui.workspace.KnowledgeBaseSession;
import dev.athenaeum.progress.Cancellation;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Chunk size and overlap tried out live: every change (debounced) cuts the whole corpus again in the background and
 * shows the chosen file's chunks and a histogram of all chunk sizes. A newer change cancels the computation under
 * way, and a result that arrives after a newer change is dropped, so what is shown always matches the controls.
 * Settings core refuses show their message instead. {@link #apply()} stores them in the knowledge base.
 */
public final class TuningViewModel {

    public static final Duration DEBOUNCE = Duration.ofMillis(200);

    private final KnowledgeBaseSession session;
    private final TaskRunner tasks;
    private final Consumer<KnowledgeBase> changed;
    private final Debouncer debouncer;
    private final IntegerProperty chunkSize = new SimpleIntegerProperty();
    private final IntegerProperty chunkOverlap = new SimpleIntegerProperty();
    private final StringProperty selectedFile = new SimpleStringProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty computing = new SimpleBooleanProperty();
    private final BooleanProperty rebuildOffered = new SimpleBooleanProperty();
    private final ObjectProperty<ChunkPreview> preview = new SimpleObjectProperty<>();
    private final ObjectProperty<SizeHistogram> histogram = new SimpleObjectProperty<>(SizeHistogram.of(java.util.List.of(), 1));
    private final ObservableList<String> files = FXCollections.observableArrayList();
    private final ObservableList<ChunkRow> chunks = FXCollections.observableArrayList();
    private volatile CorpusText corpus;
    private BackgroundTask<ChunkPreview> running;
    private long generation;
    private boolean showing;
    private boolean started;
    private Runnable rebuild = () -> { };

    public TuningViewModel(KnowledgeBaseSession session, TaskRunner tasks, Consumer<KnowledgeBase> changed, Duration debounce) {
        this.session = session;
        this.tasks = tasks;
        this.changed = changed;
        this.debouncer = new Debouncer(debounce, tasks.ui());
        ChunkSettings saved = session.knowledgeBase().chunking();
        chunkSize.set(saved.chunkSize());
        chunkOverlap.set(saved.chunkOverlap());
        chunkSize.addListener((obs, old, v) -> settingsChanged());
        chunkOverlap.addListener((obs, old, v) -> settingsChanged());
        selectedFile.addListener((obs, old, v) -> {
            if (!showing) {
                settingsChanged();
            }
        });
    }

    /** Starts the first preview (once: later ones follow every change). */
    public void start() {
        if (!started) {
            started = true;
            settingsChanged();
        }
    }

    /** Source files changed: read them again before the next preview. */
    public void sourcesChanged() {
        corpus = null;
        if (started) {
            settingsChanged();
        }
    }

    /** What a field holds, as typed: a whole number, or an inline error. */
    public void enterChunkSize(String text) {
        enter(text, chunkSize, "chunk size");
    }

    public void enterChunkOverlap(String text) {
        enter(text, chunkOverlap, "chunk overlap");
    }

    private void enter(String text, IntegerProperty target, String what) {
        try {
            target.set(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            cancelPending();
            error.set(what + " must be a whole number of tokens, not '" + text.strip() + "'");
        }
    }

    /** The settings the controls hold, or null with {@link #errorProperty()} saying why core refuses them. */
    public ChunkSettings settings() {
        try {
            return ChunkSettings.of(chunkSize.get(), chunkOverlap.get());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void settingsChanged() {
        try {
            ChunkSettings.of(chunkSize.get(), chunkOverlap.get());
            error.set("");
        } catch (IllegalArgumentException e) {
            cancelPending();
            error.set(e.getMessage());
            return;
        }
        // Whatever is under way now answers for settings no longer on the controls.
        generation++;
        if (running != null) {
            running.cancel();
        }
        debouncer.submit(this::compute);
    }

    private void cancelPending() {
        debouncer.cancel();
        generation++;
        if (running != null) {
            running.cancel();
        }
        computing.set(false);
    }

    private void compute() {
        ChunkSettings settings = settings();
        if (settings == null) {
            return;
        }
        long mine = generation;
        String file = selectedFile.get();
        computing.set(true);
        LatestOnUi<Integer> progress = tasks.latestOnUi(done -> {
            if (mine == generation && corpus != null) {
                summary.set(String.format(Locale.ROOT, "Cutting… %d of %d files", done, corpus.documents().size()));
            }
        });
        running = tasks.task("Previewing chunks of " + settings.chunkSize() + " tokens",
                        cancel -> PreviewComputation.run(corpus(cancel), session.embedder().tokenizer(), settings, file,
                                cancel, progress::post))
                .onSuccess(p -> {
                    if (mine == generation) {
                        show(p);
                    }
                })
                .whenDone(() -> {
                    if (mine == generation) {
                        computing.set(false);
                    }
                })
                .start();
    }

    private CorpusText corpus(Cancellation cancel) {
        CorpusText c = corpus;
        if (c == null) {
            KnowledgeBase kb = session.knowledgeBase();
            c = CorpusText.read(kb.scanOptions(kb.sources()), cancel);
            corpus = c;
        }
        return c;
    }

    private void show(ChunkPreview p) {
        showing = true;
        try {
            java.util.List<String> names = corpus == null ? files : corpus.fileNames();
            if (!files.equals(names)) {
                files.setAll(names);
            }
            selectedFile.set(p.file());
        } finally {
            showing = false;
        }
        chunks.setAll(p.fileChunks());
        histogram.set(p.histogram());
        summary.set(p.summary());
        preview.set(p);
    }

    /** Stores the settings in the knowledge base; the index keeps the old ones until it is rebuilt. */
    public void apply() {
        ChunkSettings settings = settings();
        if (settings == null) {
            return;
        }
        if (settings.equals(session.knowledgeBase().chunking())) {
            status.set("These are the knowledge base's settings already.");
            return;
        }
        KnowledgeBase kb = session.knowledgeBase().withChunking(settings);
        session.update(kb);
        changed.accept(kb);
        status.set(String.format(Locale.ROOT, "Saved: chunks of up to %d tokens, %d repeated. Rebuild the index to use them.",
                settings.chunkSize(), settings.chunkOverlap()));
        rebuildOffered.set(true);
    }

    /** What "Rebuild now" runs (the knowledge base's build). */
    public void setRebuild(Runnable rebuild) {
        this.rebuild = rebuild;
    }

    public void rebuild() {
        rebuildOffered.set(false);
        status.set("");
        rebuild.run();
    }

    public void close() {
        cancelPending();
    }

    public IntegerProperty chunkSizeProperty() {
        return chunkSize;
    }

    public IntegerProperty chunkOverlapProperty() {
        return chunkOverlap;
    }

    public StringProperty selectedFileProperty() {
        return selectedFile;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyBooleanProperty computingProperty() {
        return computing;
    }

    public ReadOnlyBooleanProperty rebuildOfferedProperty() {
        return rebuildOffered;
    }

    public ReadOnlyObjectProperty<ChunkPreview> previewProperty() {
        return preview;
    }

    public ReadOnlyObjectProperty<SizeHistogram> histogramProperty() {
        return histogram;
    }

    public ObservableList<String> files() {
        return files;
    }

    public ObservableList<ChunkRow> chunks() {
        return chunks;
    }
}
