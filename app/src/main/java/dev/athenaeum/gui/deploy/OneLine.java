package dev.athenaeum.gui.deploy;

/** An exception's message as one line, for the wizard's inline error. */
final class OneLine {

    private OneLine() {
    }

    static String of(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }
}
