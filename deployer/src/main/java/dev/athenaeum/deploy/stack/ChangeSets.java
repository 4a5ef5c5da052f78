package dev.athenaeum.deploy.stack;

import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetType;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.CreateChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.DescribeChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Tag;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Creating a change set and waiting until CloudFormation has worked out what it would change. */
final class ChangeSets {

    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    /**
     * A computed change set.
     *
     * @param id      empty when there was nothing to change (the empty change set is already deleted)
     * @param stackId the stack's id, also for a stack the change set created in REVIEW_IN_PROGRESS
     */
    record Computed(Optional<String> id, String stackId, List<ResourceChange> changes) {
    }

    private ChangeSets() {
    }

    static Computed create(CloudFormationClient cfn, String stackName, boolean newStack, String templateBody,
                           Map<String, String> parameters, Map<String, String> tags, Duration poll) {
        String name = "athenaeum-" + NAME_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
        CreateChangeSetResponse created;
        try {
            created = cfn.createChangeSet(b -> b.stackName(stackName).changeSetName(name)
                    .changeSetType(newStack ? ChangeSetType.CREATE : ChangeSetType.UPDATE)
                    .templateBody(templateBody)
                    .capabilities(Capability.CAPABILITY_IAM)
                    .parameters(parameters.entrySet().stream().map(e -> Parameter.builder()
                            .parameterKey(e.getKey()).parameterValue(e.getValue()).build()).toList())
                    .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                            .toList()));
        } catch (CloudFormationException e) {
            // Some CloudFormation implementations refuse an unchanged update outright instead of failing the change set.
            if (!newStack && noChanges(e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage())) {
                String stackId = Stacks.find(cfn, stackName).map(s -> s.stackId()).orElse(stackName);
                return new Computed(Optional.empty(), stackId, List.of());
            }
            throw e;
        }
        DescribeChangeSetResponse described = awaitComputed(cfn, created.id(), stackName, poll);
        if ("FAILED".equals(described.statusAsString())) {
            cfn.deleteChangeSet(b -> b.changeSetName(created.id()));
            if (noChanges(described.statusReason())) {
                return new Computed(Optional.empty(), created.stackId(), List.of());
            }
            throw new StackException("CloudFormation refused the change set for " + stackName + ": "
                    + described.statusReason());
        }
        return new Computed(Optional.of(created.id()), created.stackId(), changes(cfn, created.id()));
    }

    private static DescribeChangeSetResponse awaitComputed(CloudFormationClient cfn, String id, String stackName,
                                                           Duration poll) {
        while (true) {
            DescribeChangeSetResponse d;
            try {
                d = cfn.describeChangeSet(b -> b.changeSetName(id));
            } catch (AbortedException e) {
                throw cancelled(stackName);
            }
            String status = d.statusAsString();
            if ("CREATE_COMPLETE".equals(status) || "FAILED".equals(status)) {
                return d;
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw cancelled(stackName);
            }
        }
    }

    private static StackWaitCancelledException cancelled(String stackName) {
        return new StackWaitCancelledException("stopped waiting for the change set of " + stackName
                + ": nothing was changed; the change set stays in CloudFormation until deleted or replaced");
    }

    private static List<ResourceChange> changes(CloudFormationClient cfn, String id) {
        List<ResourceChange> changes = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            DescribeChangeSetResponse page = cfn.describeChangeSet(b -> b.changeSetName(id).nextToken(next));
            page.changes().stream().map(c -> c.resourceChange()).forEach(rc -> changes.add(new ResourceChange(
                    rc.actionAsString(), rc.logicalResourceId(), rc.resourceType(),
                    Optional.ofNullable(rc.replacementAsString()))));
            token = page.nextToken();
        } while (token != null);
        return changes;
    }

    private static boolean noChanges(String reason) {
        String r = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        return r.contains("didn't contain changes") || r.contains("no updates are to be performed");
    }
}
