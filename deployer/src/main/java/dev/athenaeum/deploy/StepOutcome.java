package dev.athenaeum.deploy;

import java.util.Objects;

/**
 * How one step ended. A step that could not run says so with {@link Status#SKIPPED} or {@link Status#NOT_AVAILABLE}
 * and why; it is never reported as done.
 */
public record StepOutcome(DeploymentStep step, Status status, String detail) {

    public enum Status {
        DONE, SKIPPED, NOT_AVAILABLE;

        public String label() {
            return switch (this) {
                case DONE -> "done";
                case SKIPPED -> "skipped";
                case NOT_AVAILABLE -> "not available";
            };
        }
    }

    public StepOutcome {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
    }

    public static StepOutcome done(DeploymentStep step, String detail) {
        return new StepOutcome(step, Status.DONE, detail);
    }

    public static StepOutcome skipped(DeploymentStep step, String why) {
        return new StepOutcome(step, Status.SKIPPED, why);
    }

    public static StepOutcome notAvailable(DeploymentStep step, String why) {
        return new StepOutcome(step, Status.NOT_AVAILABLE, why);
    }

    @Override
    public String toString() {
        return step.title() + ": " + status.label() + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
