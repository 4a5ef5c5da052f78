package dev.athenaeum.gui.settings;

import dev.athenaeum.chat.ChatException;
import dev.athenaeum.chat.ChatModels;
import dev.athenaeum.chat.ChatProvider;
import dev.athenaeum.chat.ChatSettings;
import dev.athenaeum.gui.task.TaskRunner;
import dev.athenaeum.gui.theme.ThemeChoice;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;

/**
 * The Settings page: the theme, where Ollama and OpenAI (or a compatible service) are, and the OpenAI key, which is
 * kept in the system keychain where there is one. Reading and writing settings and keys, and asking Ollama for
 * its models, run in the background.
 */
public final class SettingsViewModel {

    /** OpenAI's own API, shown when no other (compatible) service was chosen; stored as "no override". */
    static final String OPENAI_URL = "https://api.openai.com/v1";

    private final ObjectProperty<ThemeChoice> theme;
    private final SettingsStore store;
    private final TaskRunner tasks;
    private final StringProperty ollamaUrl = new SimpleStringProperty("");
    private final StringProperty openAiUrl = new SimpleStringProperty("");
    private final StringProperty key = new SimpleStringProperty("");
    private final StringProperty keyStatus = new SimpleStringProperty("");
    private final StringProperty connection = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private Runnable onSaved = () -> { };
    private ChatPreferences loaded = ChatPreferences.DEFAULT;

    public SettingsViewModel(ObjectProperty<ThemeChoice> theme, SettingsStore store, TaskRunner tasks) {
        this.theme = theme;
        this.store = store;
        this.tasks = tasks;
    }

    /** Called on the UI thread after settings or keys were saved, e.g. so an open chat reads them again. */
    public void setOnSaved(Runnable action) {
        this.onSaved = action;
    }

    public void load() {
        record Loaded(ChatPreferences prefs, String keyStatus) {
        }
        run("Reading the settings", () -> new Loaded(store.chat(), describeKey()), l -> {
            loaded = l.prefs();
            ollamaUrl.set(l.prefs().ollamaUrl());
            openAiUrl.set(l.prefs().openAiUrl().isEmpty() ? OPENAI_URL : l.prefs().openAiUrl());
            keyStatus.set(l.keyStatus());
        });
    }

    /** Saves both base URLs; a wrong one is refused with one line and nothing is saved. */
    public void saveProviders() {
        ChatPreferences updated;
        try {
            String openAi = openAiUrl.get() == null || openAiUrl.get().strip().equals(OPENAI_URL)
                    ? "" : openAiUrl.get();
            updated = new ChatPreferences(loaded.provider(), ollamaUrl.get(), openAi, loaded.model());
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        run("Saving the providers", () -> {
            store.saveChat(updated);
            return updated;
        }, saved -> {
            loaded = saved;
            connection.set("Saved.");
            onSaved.run();
        });
    }

    /** Asks the Ollama at the URL typed for its models: the list, or why it cannot be reached. */
    public void testOllama() {
        String url = ollamaUrl.get();
        run("Asking Ollama for its models", () -> {
            try {
                new ChatPreferences(ChatProvider.OLLAMA, url, "", "");
                return ChatModels.list(ChatSettings.builder().provider(ChatProvider.OLLAMA).baseUrl(url).build());
            } catch (ChatException | IllegalArgumentException e) {
                return e.getMessage();
            }
        }, result -> {
            if (result instanceof List<?> models) {
                connection.set(models.isEmpty() ? "Ollama answers at " + url + " but has no models: pull one with"
                        + " 'ollama pull llama3.1:8b'" : "Ollama answers at " + url + " with " + models.size()
                        + " model(s): " + String.join(", ", models.stream().map(Object::toString).toList()));
            } else {
                connection.set("");
                error.set(String.valueOf(result));
            }
        });
    }

    /** Stores the key typed (and forgets it here); the field is cleared, the key never shown again. */
    public void saveKey() {
        String typed = key.get() == null ? "" : key.get().strip();
        if (typed.isEmpty()) {
            error.set("type or paste the OpenAI key first");
            return;
        }
        key.set("");
        run("Saving the OpenAI key", () -> {
            store.keys().write(SettingsStore.OPENAI_KEY, typed);
            return describeKey();
        }, status -> {
            keyStatus.set(status);
            onSaved.run();
        });
    }

    public void removeKey() {
        run("Removing the OpenAI key", () -> {
            store.keys().delete(SettingsStore.OPENAI_KEY);
            return describeKey();
        }, status -> {
            keyStatus.set(status);
            onSaved.run();
        });
    }

    private String describeKey() throws java.io.IOException {
        boolean stored = store.keys().read(SettingsStore.OPENAI_KEY).isPresent();
        if (stored) {
            return "An OpenAI key is saved in " + store.keys().description() + ".";
        }
        String env = System.getenv("OPENAI_API_KEY");
        return env != null && !env.isBlank() ? "No key saved; the OPENAI_API_KEY environment variable is used."
                : "No OpenAI key saved. Keys are kept in " + store.keys().description() + ".";
    }

    private <T> void run(String title, Loading<T> work, java.util.function.Consumer<T> done) {
        error.set("");
        busy.set(true);
        tasks.task(title, cancel -> work.get())
                .onSuccess(done::accept)
                .onFailure(e -> error.set(e.getMessage()))
                .whenDone(() -> busy.set(false))
                .start();
    }

    @FunctionalInterface
    private interface Loading<T> {
        T get() throws Exception;
    }

    public ObjectProperty<ThemeChoice> themeProperty() {
        return theme;
    }

    public StringProperty ollamaUrlProperty() {
        return ollamaUrl;
    }

    public StringProperty openAiUrlProperty() {
        return openAiUrl;
    }

    public StringProperty keyProperty() {
        return key;
    }

    public StringProperty keyStatusProperty() {
        return keyStatus;
    }

    public StringProperty connectionProperty() {
        return connection;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
