package dev.athenaeum.gui.tuning;

import dev.athenaeum.chunking.ChunkSettings;
import dev.athenaeum.eval.TestQuestion;
import dev.athenaeum.eval.TestQuestions;
import dev.athenaeum.gui.task.BackgroundTask;
import dev.athenaeum.gui.task.LatestOnUi;
import dev.athenaeum.gui.task.TaskRunner;
import dev.athenaeum.gui.workspace.KnowledgeBase;
import dev.athenaeum.gui.workspace.KnowledgeBaseSession;
import dev.athenaeum.progress.IndexProgress;
import dev.athenaeum.progress.ProgressText;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Questions the knowledge base should answer, each with the file or section that answers it, and how well search
 * finds those answers: recall@k and MRR with the last build's index and with the settings on the tuning controls,
 * side by side, and per question where its answer ranked. The current settings are measured on a trial index
 * built with them (see {@link ScratchIndex}); both columns come from the real evaluator, search and model.
 */
public final class TestQuestionsViewModel {

    private final KnowledgeBaseSession session;
    private final TaskRunner tasks;
    private final QuestionStore store;
    private final Supplier<ChunkSettings> currentSettings;
    private final ScratchIndex scratch = new ScratchIndex();
    private final ObservableList<QuestionRow> rows = FXCollections.observableArrayList();
    private final List<TestQuestion> questions = new ArrayList<>();
    private final IntegerProperty k = new SimpleIntegerProperty(5);
    private final StringProperty lastScore = new SimpleStringProperty("");
    private final StringProperty currentScore = new SimpleStringProperty("");
    private final StringProperty lastTitle = new SimpleStringProperty("Last build");
    private final StringProperty currentTitle = new SimpleStringProperty("Current settings");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private Evaluation evaluation;
    private BackgroundTask<Evaluation> current;

    public TestQuestionsViewModel(KnowledgeBaseSession session, TaskRunner tasks, QuestionStore store,
                                  Supplier<ChunkSettings> currentSettings) {
        this.session = session;
        this.tasks = tasks;
        this.store = store;
        this.currentSettings = currentSettings;
        k.addListener((obs, old, v) -> showEvaluation());
    }

    /** Reads the stored questions. */
    public void load() {
        tasks.task("Reading the test questions", cancel -> store.load())
                .onSuccess(loaded -> {
                    questions.clear();
                    questions.addAll(loaded);
                    rows.setAll(loaded.stream().map(q -> new QuestionRow(q.question(), AnswerLocation.of(q).toString(),
                            null, null, null)).toList());
                })
                .start();
    }

    /** Adds a question; a question without text or an answer that is not in the knowledge base is refused inline. */
    public void add(String question, String answer) {
        put(-1, question, answer);
    }

    /** Replaces question {@code index} (as the table lists them). */
    public void edit(int index, String question, String answer) {
        put(index, question, answer);
    }

    private void put(int index, String question, String answer) {
        List<Path> roots = session.knowledgeBase().sources();
        String id = index < 0 ? nextId() : questions.get(index).id();
        tasks.task("Checking a test question", cancel -> resolve(id, question, answer, roots))
                .onSuccess(resolved -> {
                    if (resolved.error() != null) {
                        error.set(resolved.error());
                        return;
                    }
                    error.set("");
                    TestQuestion q = resolved.question();
                    QuestionRow row = new QuestionRow(q.question(), AnswerLocation.of(q).toString(), null, null, null);
                    if (index < 0) {
                        questions.add(q);
                        rows.add(row);
                    } else {
                        questions.set(index, q);
                        rows.set(index, row);
                    }
                    save();
                    evaluate();
                })
                .start();
    }

    private record Resolved(TestQuestion question, String error) {
    }

    private static Resolved resolve(String id, String question, String answer, List<Path> roots) throws IOException {
        if (question == null || question.isBlank()) {
            return new Resolved(null, "write the question first");
        }
        try {
            return new Resolved(AnswerLocation.parse(answer).resolve(id, question.strip(), roots), null);
        } catch (IllegalArgumentException e) {
            return new Resolved(null, e.getMessage());
        }
    }

    private String nextId() {
        int n = questions.size() + 1;
        while (true) {
            String id = "q" + n;
            if (questions.stream().noneMatch(q -> id.equals(q.id()))) {
                return id;
            }
            n++;
        }
    }

    public void remove(int index) {
        if (index < 0 || index >= questions.size()) {
            return;
        }
        questions.remove(index);
        rows.remove(index);
        save();
    }

    /** Adds the questions of a JSON-lines file as {@code athenaeum eval} reads them; a bad line is refused inline. */
    public void importFrom(Path file) {
        tasks.task("Importing test questions from " + file.getFileName(), cancel -> {
            try {
                return new Imported(TestQuestions.read(file), null);
            } catch (IllegalArgumentException e) {
                return new Imported(List.of(), e.getMessage());
            }
        }).onSuccess(imported -> {
            if (imported.error() != null) {
                error.set(imported.error());
                return;
            }
            error.set("");
            for (TestQuestion q : imported.questions()) {
                questions.add(q);
                rows.add(new QuestionRow(q.question(), AnswerLocation.of(q).toString(), null, null, null));
            }
            status.set("Imported " + imported.questions().size() + " questions.");
            save();
        }).start();
    }

    private record Imported(List<TestQuestion> questions, String error) {
    }

    private void save() {
        List<TestQuestion> copy = List.copyOf(questions);
        tasks.task("Saving the test questions", cancel -> {
            store.save(copy);
            return copy;
        }).start();
    }

    /** Measures the last build and the current settings; a run under way is cancelled first. */
    public void evaluate() {
        ChunkSettings settings = currentSettings.get();
        if (settings == null) {
            error.set("fix the chunk settings first");
            return;
        }
        if (questions.isEmpty()) {
            return;
        }
        if (current != null) {
            current.cancel();
        }
        List<TestQuestion> asked = List.copyOf(questions);
        KnowledgeBase kb = session.knowledgeBase();
        running.set(true);
        status.set("Measuring the last build…");
        LatestOnUi<IndexProgress> progress = tasks.latestOnUi(p -> {
            if (running.get()) {
                status.set("Trial index with " + settings.chunkSize() + "/" + settings.chunkOverlap() + " tokens: "
                        + p.phase().label() + " " + ProgressText.counts(p));
            }
        });
        BackgroundTask<Evaluation> task = tasks.task("Measuring the test questions",
                cancel -> Measurement.run(kb, asked, settings, session.embedder(), scratch, progress::post, cancel));
        current = task;
        task.onSuccess(e -> {
                    evaluation = e;
                    showEvaluation();
                    status.set(String.format(Locale.ROOT, "Trial index: %d chunks embedded in %.1f s.",
                            e.trialChunksEmbedded(), e.trialMillis() / 1000.0));
                })
                .onCancelled(() -> status.set("Measuring cancelled."))
                .onFailure(e -> status.set("Measuring failed."))
                .whenDone(() -> {
                    if (current == task) {
                        running.set(false);
                    }
                })
                .start();
    }

    public void cancel() {
        if (current != null && running.get()) {
            current.cancel();
            status.set("Cancelling…");
        }
    }

    private void showEvaluation() {
        Evaluation e = evaluation;
        if (e == null) {
            return;
        }
        int kk = k.get();
        lastTitle.set(e.lastSettings() == null ? "Last build" : "Last build (" + e.lastSettings().chunkSize() + "/"
                + e.lastSettings().chunkOverlap() + ")");
        currentTitle.set("Current (" + e.currentSettings().chunkSize() + "/" + e.currentSettings().chunkOverlap() + ")");
        lastScore.set(Evaluation.describe(e.last(), kk));
        currentScore.set(Evaluation.describe(e.current(), kk));
        List<QuestionRow> updated = new ArrayList<>(rows);
        for (int i = 0; i < updated.size() && i < e.notes().size(); i++) {
            int at = e.asked().indexOf(i);
            Integer lastRank = at < 0 || e.last() == null ? null : e.last().ranks().get(at);
            Integer nowRank = at < 0 ? null : e.current().ranks().get(at);
            updated.set(i, updated.get(i).withRanks(lastRank, nowRank, e.notes().get(i)));
        }
        rows.setAll(updated);
    }

    /** Deletes the trial index; call when the knowledge base closes. */
    public void close() {
        if (current != null) {
            current.cancel();
        }
        tasks.task("Removing the trial index", cancel -> {
            scratch.close();
            return true;
        }).start();
    }

    public ObservableList<QuestionRow> rows() {
        return rows;
    }

    public IntegerProperty kProperty() {
        return k;
    }

    public ReadOnlyStringProperty lastScoreProperty() {
        return lastScore;
    }

    public ReadOnlyStringProperty currentScoreProperty() {
        return currentScore;
    }

    public ReadOnlyStringProperty lastTitleProperty() {
        return lastTitle;
    }

    public ReadOnlyStringProperty currentTitleProperty() {
        return currentTitle;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public Evaluation evaluation() {
        return evaluation;
    }
}
