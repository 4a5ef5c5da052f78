package dev.athenaeum.gui.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

import java.util.Objects;

/**
 * Light and dark: AtlantaFX's Primer themes as the user-agent stylesheet, plus the workbench's own stylesheet, which
 * uses only the themes' colour variables ({@code -color-fg-default}…) so it follows every switch.
 */
public final class Themes {

    private static final String STYLESHEET = Objects.requireNonNull(
            Themes.class.getResource("workbench.css"), "workbench.css").toExternalForm();

    private Themes() {
    }

    public static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    public static void style(Scene scene) {
        scene.getStylesheets().add(STYLESHEET);
    }
}
