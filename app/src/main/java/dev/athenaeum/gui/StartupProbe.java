package dev.athenaeum.gui;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;

/**
 * Ends the workbench at a start-up milestone, so that a benchmark can time a real launch from outside the process
 * ({@code bench/gui-startup.sh}). {@code -Dathenaeum.startupProbe=window} ends it once the first frame of the
 * window is laid out and the UI thread is free; {@code -Dathenaeum.startupProbe=search:QUERY} once QUERY's first
 * results are on screen in the knowledge base the workbench opened.
 */
final class StartupProbe {

    static final String PROPERTY = "athenaeum.startupProbe";

    private StartupProbe() {
    }

    static void attach(Scene scene, WorkbenchViewModel vm) {
        String probe = System.getProperty(PROPERTY);
        if (probe == null) {
            return;
        }
        if (probe.equals("window")) {
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                // Queued behind whatever the first frame started: the thread is free when this runs.
                Platform.runLater(Platform::exit);
            };
            scene.addPostLayoutPulseListener(once[0]);
        } else if (probe.startsWith("search:")) {
            String query = probe.substring("search:".length());
            vm.currentProperty().addListener((obs, was, kb) -> {
                if (kb != null) {
                    kb.search().results().addListener((ListChangeListener<Object>) change -> {
                        if (!kb.search().results().isEmpty()) {
                            Platform.runLater(Platform::exit);
                        }
                    });
                    kb.search().queryProperty().set(query);
                    kb.search().search();
                }
            });
        } else {
            throw new IllegalArgumentException(PROPERTY + " must be window or search:QUERY, not " + probe);
        }
    }
}
