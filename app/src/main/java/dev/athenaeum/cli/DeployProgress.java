package dev.athenaeum.cli;

import dev.athenaeum.deploy.DeploymentListener;
import dev.athenaeum.deploy.DeploymentStep;
import dev.athenaeum.deploy.StepOutcome;
import dev.athenaeum.deploy.stack.StackEvent;
import dev.athenaeum.deploy.stack.StackPlan;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * Prints a deployment's steps and CloudFormation's events on stderr, each line with the time since the start
 * (stack operations take minutes; the clock shows it is still moving). The plan goes to stdout, as a result.
 */
final class DeployProgress implements DeploymentListener {

    private final PrintWriter out;
    private final PrintWriter err;
    private final long start = System.nanoTime();
    /** Image and upload progress arrives many times a second; a line every two seconds shows it moves. */
    private static final long PROGRESS_EVERY_NANOS = 2_000_000_000L;
    private long lastProgress = System.nanoTime();
    private DeploymentStep lastProgressStep;

    DeployProgress(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public void onStepStarted(DeploymentStep step) {
        line(step.title() + " …");
    }

    @Override
    public void onStepFinished(StepOutcome outcome) {
        line(outcome.toString());
    }

    @Override
    public void onPlan(StackPlan plan) {
        out.print(plan.summary());
        out.flush();
    }

    @Override
    public synchronized void onProgress(DeploymentStep step, double fraction, String detail) {
        long now = System.nanoTime();
        boolean finished = fraction >= 1.0 && step != lastProgressStep;
        if (finished || now - lastProgress >= PROGRESS_EVERY_NANOS) {
            lastProgress = now;
            lastProgressStep = fraction >= 1.0 ? step : null;
            line(String.format(java.util.Locale.ROOT, "  %3.0f%% %s", fraction * 100, Errors.oneLine(detail)));
        }
    }

    @Override
    public void onStep(String step) {
        line("  " + step);
    }

    @Override
    public void onEvent(StackEvent event) {
        line("  " + event.logicalId() + " (" + event.resourceType() + ") " + event.status()
                + event.reason().map(r -> ": " + Errors.oneLine(r)).orElse(""));
    }

    private synchronized void line(String text) {
        long s = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        err.printf("[%2d:%02d] %s%n", s / 60, s % 60, text);
        err.flush();
    }
}
