package dev.athenaeum.deploy;

import dev.athenaeum.deploy.account.Identity;
import dev.athenaeum.deploy.stack.StackOutputs;

import java.util.List;

/** A finished deployment: where it is reached and how each step ended. */
public record DeploymentReport(Identity identity, StackOutputs outputs, boolean changed, List<StepOutcome> steps) {

    public DeploymentReport {
        steps = List.copyOf(steps);
    }
}
