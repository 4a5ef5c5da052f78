package dev.athenaeum.gui.serve;

import dev.athenaeum.gui.task.TaskRunner;
import dev.athenaeum.gui.workspace.KnowledgeBaseSession;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Serving the open knowledge base over HTTP from the workbench: the port to ask for, whether it runs, its URL and an
 * example request. Starting and stopping run in the background; the server stops with the knowledge base.
 */
public final class ServeViewModel {

    public static final int DEFAULT_PORT = 8080;

    private final KnowledgeBaseSession session;
    private final TaskRunner tasks;
    private final IntegerProperty port = new SimpleIntegerProperty(DEFAULT_PORT);
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty changing = new SimpleBooleanProperty();
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty curl = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("Not serving.");
    private LocalServer server;

    public ServeViewModel(KnowledgeBaseSession session, TaskRunner tasks) {
        this.session = session;
        this.tasks = tasks;
    }

    public void start() {
        if (running.get() || changing.get()) {
            return;
        }
        int wanted = port.get();
        if (wanted < 0 || wanted > 65535) {
            status.set("The port must be between 0 and 65535 (0 picks a free one).");
            return;
        }
        if (!session.hasIndex()) {
            status.set("Build the index first: there is nothing to serve yet.");
            return;
        }
        changing.set(true);
        status.set("Starting…");
        tasks.task("Starting the HTTP API", cancel -> LocalServer.start(session, wanted))
                .onSuccess(this::started)
                .onFailure(e -> status.set("Could not start: " + e.getMessage()))
                .whenDone(() -> changing.set(false))
                .start();
    }

    private void started(LocalServer s) {
        server = s;
        String base = "http://127.0.0.1:" + s.port();
        url.set(base);
        curl.set("curl -s " + base + "/search -H 'Content-Type: application/json' -d '{\"query\": \"how do I start?\"}'");
        running.set(true);
        status.set(s.movedFromTakenPort()
                ? "Port " + port.get() + " is taken by another program, so the API listens on port " + s.port() + "."
                : "Serving " + session.knowledgeBase().name() + " on this computer only.");
    }

    public void stop() {
        LocalServer s = server;
        if (s == null) {
            return;
        }
        server = null;
        running.set(false);
        changing.set(true);
        url.set("");
        curl.set("");
        status.set("Stopping…");
        tasks.task("Stopping the HTTP API", cancel -> {
            s.close();
            return s;
        }).onSuccess(x -> status.set("Not serving.")).whenDone(() -> changing.set(false)).start();
    }

    public IntegerProperty portProperty() {
        return port;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyBooleanProperty changingProperty() {
        return changing;
    }

    public ReadOnlyStringProperty urlProperty() {
        return url;
    }

    public ReadOnlyStringProperty curlProperty() {
        return curl;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }
}
