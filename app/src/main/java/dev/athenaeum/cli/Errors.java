package dev.athenaeum.cli;

import dev.athenaeum.chat.ChatException;
import dev.athenaeum.embedding.EmbeddingFailedException;
import dev.athenaeum.index.IndexFormatException;
import dev.athenaeum.progress.CancelledException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** The one-line message a user sees for an exception. */
final class Errors {

    private Errors() {
    }

    static String message(Throwable e) {
        return oneLine(describe(e));
    }

    private static String describe(Throwable e) {
        if (e instanceof UncheckedIOException u && u.getCause() != null) {
            return describe(u.getCause());
        }
        if (e instanceof OutOfMemoryError) {
            return "out of memory: give Java more, e.g. ATHENAEUM_JAVA_OPTS=-Xmx4g";
        }
        if (e instanceof CancelledException) {
            return "cancelled";
        }
        // The file system exceptions carry only a path as their message, which reads like nonsense on its own.
        if (e instanceof NoSuchFileException f) {
            return "no such file or folder: " + f.getFile();
        }
        if (e instanceof AccessDeniedException f) {
            return "permission denied: " + f.getFile();
        }
        if (e instanceof NotDirectoryException f) {
            return "not a folder: " + f.getFile();
        }
        if (e instanceof FileSystemException f) {
            return f.getFile() + ": " + (f.getReason() == null ? f.getClass().getSimpleName() : f.getReason());
        }
        if (e instanceof IllegalArgumentException || e instanceof IndexFormatException
                || e instanceof EmbeddingFailedException || e instanceof ChatException || e instanceof IOException) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return "unexpected error: " + e + " (run with --verbose for the stack trace)";
    }

    static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
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
