package dev.athenaeum.app;

import dev.athenaeum.deploy.DeploymentException;
import dev.athenaeum.deploy.account.AccountException;
import dev.athenaeum.deploy.stack.StackException;

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

/** What a failure means in words a user can act on; shared by the command line and the workbench. */
public final class ErrorText {

    private ErrorText() {
    }

    /** The explanation of an expected failure, or null for an unexpected one (a bug: show its stack trace). */
    public static String known(Throwable e) {
        if (e instanceof UncheckedIOException u && u.getCause() != null) {
            return known(u.getCause());
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
                || e instanceof EmbeddingFailedException || e instanceof ChatException || e instanceof IOException
                || e instanceof AccountException || e instanceof StackException || e instanceof DeploymentException) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return null;
    }

    public static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
