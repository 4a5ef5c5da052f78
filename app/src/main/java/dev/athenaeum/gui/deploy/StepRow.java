package dev.athenaeum.gui.deploy;

import dev.athenaeum.deploy.DeploymentStep;

/** One deployment step as the progress page shows it. */
public record StepRow(DeploymentStep step, State state, String detail) {

    public enum State { WAITING, RUNNING, DONE, SKIPPED, FAILED }

    @Override
    public String toString() {
        String mark = switch (state) {
            case WAITING -> "·";
            case RUNNING -> "…";
            case DONE -> "✓";
            case SKIPPED -> "–";
            case FAILED -> "✗";
        };
        return mark + " " + step.title() + (detail.isEmpty() ? "" : ": " + detail);
    }
}
