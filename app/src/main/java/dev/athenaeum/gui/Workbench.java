package dev.athenaeum.gui;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The workbench's entry point, for {@code athenaeum gui}. It does not extend {@code Application}: JavaFX then
 * starts from the class path (the launcher's), without a module path. Nothing here touches a JavaFX class before
 * the checks pass, so an old Java or a missing display gets a sentence instead of a stack trace.
 */
public final class Workbench {

    /** JavaFX 26, which the workbench uses, runs on Java 24 and newer. */
    public static final int MIN_JAVA = 24;

    /** Kept strongly reachable: the log manager holds loggers weakly and would forget the level. */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private Workbench() {
    }

    /** Why the workbench cannot start here, or null when it can. */
    public static String problem() {
        if (Runtime.version().feature() < MIN_JAVA) {
            return "the workbench needs Java " + MIN_JAVA + " or newer (this is Java " + Runtime.version().feature()
                    + "; set JAVA_HOME to a newer JDK); the command line works on Java 21";
        }
        boolean linux = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
        if (linux && System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null
                && System.getProperty("glass.platform") == null) {
            return "no display to open the workbench on (DISPLAY is not set); the command line works without one:"
                    + " see 'athenaeum --help'";
        }
        return null;
    }

    /** Opens the window and returns when it is closed. */
    public static void launch(String... args) {
        // Loading JavaFX from the class path is supported this way, but JavaFX still warns about it.
        JAVAFX_LOG.setLevel(Level.SEVERE);
        javafx.application.Application.launch(WorkbenchApp.class, args);
    }
}
