package dev.athenaeum.deploy.stack;

import dev.athenaeum.deploy.account.AwsErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;

import java.time.Duration;

/**
 * Executes one change set and follows it to the end. A failure is reported with the first failing resource's
 * reason, after CloudFormation's rollback has finished; a new stack whose execution was refused outright is deleted
 * so the next attempt starts clean.
 */
final class ChangeSetExecution {

    private static final Logger log = LoggerFactory.getLogger(ChangeSetExecution.class);

    private final CloudFormationClient cfn;
    private final StackPlan plan;
    private final Duration poll;
    private final StackListener listener;

    ChangeSetExecution(CloudFormationClient cfn, StackPlan plan, Duration poll, StackListener listener) {
        this.cfn = cfn;
        this.plan = plan;
        this.poll = poll;
        this.listener = listener;
    }

    StackResult run() {
        String name = plan.stackName();
        String stackId = Stacks.find(cfn, name).map(s -> s.stackId())
                .orElseThrow(() -> new StackException("the stack " + name + " vanished before its change set ran"));
        StackWatcher watcher = new StackWatcher(cfn, stackId, name, poll, listener);
        String verb = plan.newStack() ? "creating" : "updating";
        listener.onStep(verb + " " + name);
        try {
            cfn.executeChangeSet(b -> b.changeSetName(plan.changeSetId().orElseThrow()));
        } catch (AbortedException e) {
            throw e;
        } catch (SdkException e) {
            String reason = AwsErrors.explain(e, (plan.newStack() ? "create" : "update") + " the stack's resources",
                    "cloudformation:ExecuteChangeSet and the permissions to create each resource");
            throw new StackException(verb + " " + name + " failed: " + FailureHints.withHint(reason) + "; "
                    + cleanUp(watcher, stackId), e);
        }
        String status = watcher.await(verb + " " + name);
        if (StackStatuses.SUCCESS.contains(status)) {
            log.info("{} {}: {}", verb, name, status);
            return new StackResult(OutputsReader.read(cfn, name), true, plan.changes());
        }
        String reason = watcher.failureReason().orElse("CloudFormation gave no reason");
        String where = switch (status) {
            case "ROLLBACK_COMPLETE" -> "CloudFormation removed what it had created; the next deploy deletes the"
                    + " empty stack and starts again";
            case "UPDATE_ROLLBACK_COMPLETE" -> "CloudFormation restored the previous version, which keeps running";
            default -> "the stack is " + status + "; see its events in the CloudFormation console";
        };
        throw new StackException(verb + " " + name + " failed: " + FailureHints.withHint(reason) + ". " + where);
    }

    /** After a refused execution: a new stack is deleted, an existing one is left as it is. */
    private String cleanUp(StackWatcher watcher, String stackId) {
        if (!plan.newStack()) {
            return "the stack is " + watcher.status().orElse("gone") + " and unchanged by this attempt";
        }
        listener.onStep("deleting the unfinished stack " + plan.stackName());
        try {
            cfn.deleteStack(b -> b.stackName(stackId));
            String end = watcher.await("the deletion of the unfinished stack");
            return "DELETE_COMPLETE".equals(end) ? "the unfinished stack was deleted, so deploying again starts clean"
                    : "the unfinished stack is " + end + "; delete it in the CloudFormation console";
        } catch (SdkException e) {
            return "the unfinished stack could not be deleted (" + e.getMessage() + "); the next deploy tries again";
        }
    }
}
