package dev.athenaeum.gui.chat;

import dev.athenaeum.chat.AnswerListener;
import dev.athenaeum.chat.ChatAnswer;
import dev.athenaeum.chat.ChatException;
import dev.athenaeum.chat.ChatModels;
import dev.athenaeum.chat.ChatProvider;
import dev.athenaeum.chat.ChatSettings;
import dev.athenaeum.chat.ChatSource;
import dev.athenaeum.chat.ChatTurn;
import dev.athenaeum.gui.settings.ChatPreferences;
import dev.athenaeum.gui.settings.SettingsStore;
import dev.athenaeum.gui.task.BackgroundTask;
import dev.athenaeum.gui.task.LatestOnUi;
import dev.athenaeum.gui.task.TaskRunner;
import dev.athenaeum.search.SearchHit;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A conversation with the knowledge base: provider and model, the question being typed, the finished exchanges
 * (saved per knowledge base), and the answer streaming now. Pieces of text arrive on a worker thread thousands of
 * times a second; they reach the UI thread through {@link LatestOnUi}, at most one hand-over pending. Provider
 * failures (Ollama not running, a wrong key) are shown in place, with the fix, not in the error dialog.
 */
public final class ChatViewModel {

    private final ChatOpener opener;
    private final SettingsStore settings;
    private final ChatHistory history;
    private final TaskRunner tasks;
    private final ObjectProperty<ChatProvider> provider = new SimpleObjectProperty<>(ChatProvider.NONE);
    private final StringProperty model = new SimpleStringProperty("");
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final StringProperty question = new SimpleStringProperty("");
    private final ObservableList<Exchange> exchanges = FXCollections.observableArrayList();
    /** One read-only view, kept: it listens to the list weakly, so a fresh view per call could lose listeners. */
    private final ObservableList<Exchange> exchangesView = FXCollections.unmodifiableObservableList(exchanges);
    private final StringProperty pendingQuestion = new SimpleStringProperty("");
    private final StringProperty pendingAnswer = new SimpleStringProperty("");
    private final ObservableList<SourceRef> pendingSources = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private ChatPreferences preferences = ChatPreferences.DEFAULT;
    private BiConsumer<SearchHit, String> sourceOpener = (hit, q) -> { };
    private BackgroundTask<Outcome> answering;

    /** What a question ended with: an answer, or a provider failure to show in place. */
    private sealed interface Outcome {
    }

    private record Answered(ChatAnswer answer) implements Outcome {
    }

    private record Failed(String message) implements Outcome {
    }

    public ChatViewModel(ChatOpener opener, SettingsStore settings, ChatHistory history, TaskRunner tasks) {
        this.opener = opener;
        this.settings = settings;
        this.history = history;
        this.tasks = tasks;
    }

    /** Reads the defaults and the saved conversation. */
    public void load() {
        record Loaded(ChatPreferences prefs, List<Exchange> exchanges) {
        }
        tasks.task("Reading the conversation", cancel -> new Loaded(settings.chat(), history.load()))
                .onSuccess(l -> {
                    preferences = l.prefs();
                    provider.set(l.prefs().provider());
                    model.set(l.prefs().model());
                    exchanges.setAll(l.exchanges());
                    refreshModels();
                })
                .start();
    }

    public void setSourceOpener(BiConsumer<SearchHit, String> opener) {
        this.sourceOpener = opener;
    }

    /** Lists the provider's models (Ollama's pulled ones, those an OpenAI key may use); failures show in place. */
    public void refreshModels() {
        ChatProvider p = provider.get();
        if (p == ChatProvider.NONE) {
            models.clear();
            return;
        }
        status.set("Asking " + p.id() + " for its models…");
        tasks.task("Listing models", cancel -> {
            try {
                return (Object) ChatModels.list(settingsFor(p, model.get()));
            } catch (ChatException | IllegalArgumentException e) {
                return e.getMessage();
            }
        }).onSuccess(result -> {
            status.set("");
            if (provider.get() != p) {
                return;
            }
            if (result instanceof String message) {
                error.set(message);
                return;
            }
            @SuppressWarnings("unchecked")
            List<String> names = (List<String>) result;
            error.set("");
            models.setAll(names);
            if ((model.get() == null || model.get().isBlank() || !names.contains(model.get())) && !names.isEmpty()) {
                model.set(names.get(0));
            }
        }).start();
    }

    private ChatSettings settingsFor(ChatProvider p, String m) throws java.io.IOException {
        String key = p == ChatProvider.OPENAI ? settings.openAiKey().orElse(null) : null;
        if (p == ChatProvider.OPENAI && key == null) {
            throw new IllegalArgumentException("OpenAI needs an API key: add it in Settings (or set OPENAI_API_KEY)");
        }
        return preferences.settings(p, m, key);
    }

    /** Asks the typed question; ignored while an answer streams or when nothing is typed. */
    public void send() {
        String q = question.get() == null ? "" : question.get().strip();
        if (q.isEmpty() || busy.get()) {
            return;
        }
        List<ChatTurn> turns = new ArrayList<>();
        for (Exchange e : exchanges) {
            turns.add(ChatTurn.user(e.question()));
            if (!e.answer().isBlank()) {
                turns.add(ChatTurn.assistant(e.answer()));
            }
        }
        turns.add(ChatTurn.user(q));
        ChatProvider p = provider.get();
        String m = model.get();
        question.set("");
        error.set("");
        pendingQuestion.set(q);
        pendingAnswer.set("");
        pendingSources.clear();
        busy.set(true);
        status.set(p == ChatProvider.NONE ? "Finding passages…" : "Asking " + p.id() + "…");
        StringBuilder text = new StringBuilder();
        LatestOnUi<String> pieces = tasks.latestOnUi(s -> {
            if (busy.get()) {
                pendingAnswer.set(s);
            }
        });
        answering = tasks.task("Answering", cancel -> {
            try (ChatOpener.OpenChat open = opener.open(settingsFor(p, m))) {
                ChatAnswer answer = open.chat().answer(turns, new AnswerListener() {
                    @Override
                    public void onSources(List<ChatSource> sources) {
                        List<SourceRef> refs = sources.stream().map(SourceRef::of).toList();
                        tasks.ui().execute(() -> pendingSources.setAll(refs));
                    }

                    @Override
                    public void onText(String piece) {
                        text.append(piece);
                        pieces.post(text.toString());
                    }
                }, cancel);
                return (Outcome) new Answered(answer);
            } catch (ChatException | IllegalArgumentException e) {
                return new Failed(e.getMessage());
            }
        }).onSuccess(outcome -> {
            switch (outcome) {
                case Answered a -> finish(new Exchange(q, a.answer().text(), a.answer().model(),
                        a.answer().sources().stream().map(SourceRef::of).toList(), false));
                case Failed f -> {
                    error.set(f.message());
                    question.set(q);
                }
            }
        }).onCancelled(() -> finish(new Exchange(q, pendingAnswer.get(), m, List.copyOf(pendingSources), true)))
                .whenDone(() -> {
                    busy.set(false);
                    status.set("");
                    pendingQuestion.set("");
                    pendingAnswer.set("");
                    pendingSources.clear();
                })
                .start();
    }

    private void finish(Exchange e) {
        exchanges.add(e);
        saveHistory();
    }

    /** Stops the streaming answer; what came so far is kept, marked as stopped. */
    public void stop() {
        if (answering != null && busy.get()) {
            answering.cancel();
        }
    }

    /** Forgets the conversation (and its file's content); a streaming answer is stopped first. */
    public void newChat() {
        stop();
        exchanges.clear();
        error.set("");
        saveHistory();
    }

    private void saveHistory() {
        List<Exchange> snapshot = List.copyOf(exchanges);
        tasks.task("Saving the conversation", cancel -> {
            history.save(snapshot);
            return snapshot;
        }).start();
    }

    /** Opens source {@code number} of {@code exchange} in the document view. */
    public void openSource(Exchange exchange, int number) {
        exchange.source(number).ifPresent(s -> sourceOpener.accept(s.hit(), exchange.question()));
    }

    /** The newest finished answer's text, for copying; empty when there is none. */
    public String lastAnswer() {
        return exchanges.isEmpty() ? "" : exchanges.get(exchanges.size() - 1).answer();
    }

    /** Remembers the provider and model as the defaults and lists the provider's models. */
    public void chooseProvider(ChatProvider p) {
        provider.set(p);
        models.clear();
        error.set("");
        if (p != preferences.provider()) {
            model.set("");
        }
        savePreferences();
        refreshModels();
    }

    public void chooseModel(String m) {
        if (m != null && !m.equals(model.get())) {
            model.set(m);
            savePreferences();
        }
    }

    private void savePreferences() {
        ChatPreferences prefs = preferences.withProvider(provider.get()).withModel(model.get());
        preferences = prefs;
        tasks.task("Saving the chat settings", cancel -> {
            settings.saveChat(prefs);
            return prefs;
        }).start();
    }

    public ObjectProperty<ChatProvider> providerProperty() {
        return provider;
    }

    public StringProperty modelProperty() {
        return model;
    }

    public ObservableList<String> models() {
        return models;
    }

    public StringProperty questionProperty() {
        return question;
    }

    public ObservableList<Exchange> exchanges() {
        return exchangesView;
    }

    public ReadOnlyStringProperty pendingQuestionProperty() {
        return pendingQuestion;
    }

    public ReadOnlyStringProperty pendingAnswerProperty() {
        return pendingAnswer;
    }

    public ObservableList<SourceRef> pendingSources() {
        return pendingSources;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }
}
