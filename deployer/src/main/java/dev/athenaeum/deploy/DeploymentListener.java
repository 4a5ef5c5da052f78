package dev.athenaeum.deploy;

import dev.athenaeum.deploy.stack.StackListener;
import dev.athenaeum.deploy.stack.StackPlan;

/** Progress of a whole deployment: its steps, the plan before it is carried out, and the stack's own events. */
public interface DeploymentListener extends StackListener {

    /** A step begins. */
    void onStepStarted(DeploymentStep step);

    /** A step ended, done or not. */
    void onStepFinished(StepOutcome outcome);

    /** The change set about to be executed, so that it can be shown first. */
    default void onPlan(StackPlan plan) {
    }

    /**
     * How far a long step is (image layers pushed, index bytes sent), from 0 to 1; called often and from worker
     * threads, so hand off to your own thread for anything slow.
     */
    default void onProgress(DeploymentStep step, double fraction, String detail) {
    }
}
