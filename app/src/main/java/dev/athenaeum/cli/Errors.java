package dev.athenaeum.cli;

import dev.athenaeum.app.ErrorText;

/** The one-line message a user sees for an exception. */
final class Errors {

    private Errors() {
    }

    static String message(Throwable e) {
        String known = ErrorText.known(e);
        return oneLine(known != null ? known : "unexpected error: " + e + " (run with --verbose for the stack trace)");
    }

    static String oneLine(String s) {
        return ErrorText.oneLine(s);
    }

    /** picocli's messages are sentences ("Unknown option…"); after "athenaeum: " they read better in lower case. */
    static String lowerFirst(String s) {
        if (s == null || s.length() < 2 || !Character.isUpperCase(s.charAt(0)) || Character.isUpperCase(s.charAt(1))) {
            return s;
        }
        // A name such as OpenAI keeps its capitals.
        int end = s.indexOf(' ') < 0 ? s.length() : s.indexOf(' ');
        if (!s.substring(1, end).equals(s.substring(1, end).toLowerCase(java.util.Locale.ROOT))) {
            return s;
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
