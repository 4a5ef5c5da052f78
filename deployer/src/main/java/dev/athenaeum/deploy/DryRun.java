package dev.athenaeum.deploy;

import dev.athenaeum.deploy.account.Identity;
import dev.athenaeum.deploy.cost.CostEstimate;
import dev.athenaeum.deploy.stack.StackPlan;

/** What a deployment would do, computed and then thrown away. */
public record DryRun(Identity identity, CostEstimate cost, StackPlan plan) {
}
