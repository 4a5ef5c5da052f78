package dev.athenaeum.server.lambda;

import java.time.Duration;

/**
 * One event handed out by the Runtime API.
 *
 * @param deadlineEpochMillis when Lambda stops the invocation; 0 when the Runtime API did not say
 */
record Invocation(String requestId, long deadlineEpochMillis, byte[] payload) {

    /** Slack left for sending the answer back before the deadline. */
    private static final long MARGIN_MILLIS = 500;
    private static final Duration NO_DEADLINE = Duration.ofMinutes(15);

    /** How long the local server may take to start answering. */
    Duration timeLeft(long nowEpochMillis) {
        if (deadlineEpochMillis <= 0) {
            return NO_DEADLINE;
        }
        return Duration.ofMillis(Math.max(1000, deadlineEpochMillis - nowEpochMillis - MARGIN_MILLIS));
    }
}
