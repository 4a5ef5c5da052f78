package dev.athenaeum.gui.task;

/** A background task that failed: what it was doing, in words, and why. */
public record TaskFailure(String title, Throwable error) {
}
