package dev.athenaeum.gui;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import java.util.List;

/**
 * Ends the workbench at a start-up milestone, so that a benchmark can time a real launch from outside the process
 * ({@code bench/gui-startup.sh}). {@code -Dathenaeum.startupProbe=window} ends it once the first frame of the
 * window is laid out and the UI thread is free; {@code -Dathenaeum.startupProbe=search:QUERY} once QUERY's first
 * results are on screen in the knowledge base the workbench opened; {@code -Dathenaeum.startupProbe=tabs} once the
 * knowledge base the workbench opened has been shown with each of its tabs in turn (the training run of the
 * start-up cache uses it, so that the cache holds what those screens load).
 */
final class StartupProbe {

    static final String PROPERTY = "athenaeum.startupProbe";

    private StartupProbe() {
    }

    private static void showEveryTab(Scene scene) {
        if (!(scene.lookup("#centerTabs") instanceof TabPane tabs)) {
            Platform.runLater(Platform::exit);
            return;
        }
        List<Tab> all = List.copyOf(tabs.getTabs());
        Runnable[] next = new Runnable[1];
        int[] at = {0};
        next[0] = () -> {
            if (at[0] < all.size()) {
                tabs.getSelectionModel().select(all.get(at[0]++));
                afterNextFrame(scene, next[0]);
            } else {
                Platform.runLater(Platform::exit);
            }
        };
        next[0].run();
    }

    private static void afterNextFrame(Scene scene, Runnable action) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Platform.runLater(action);
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
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
        } else if (probe.equals("tabs")) {
            vm.currentProperty().addListener((obs, was, kb) -> {
                if (kb != null) {
                    afterNextFrame(scene, () -> showEveryTab(scene));
                }
            });
        } else {
            throw new IllegalArgumentException(PROPERTY + " must be window, tabs or search:QUERY, not " + probe);
        }
    }
}
