package dev.athenaeum.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether a person is watching, so progress can be redrawn in place instead of logged line by line. */
final class Terminal {

    private Terminal() {
    }

    static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        // From Java 22 on, System.console() may return a console even when output is redirected; isTerminal()
        // (not in Java 21's API, hence reflection) tells the two apart.
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true;
        }
    }
}
