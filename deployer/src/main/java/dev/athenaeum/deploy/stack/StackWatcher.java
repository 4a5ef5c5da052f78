package dev.athenaeum.deploy.stack;

import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.DescribeStackEventsResponse;
import software.amazon.awssdk.services.cloudformation.model.Stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Follows one stack operation: polls the stack's status until it stops changing and hands each new event to the
 * listener, oldest first. Events from before the watcher started are not this operation's and are skipped.
 */
final class StackWatcher {

    /** Polls a final status may go unconfirmed by an event before it is believed anyway. */
    private static final int PATIENCE = 20;

    private final CloudFormationClient cfn;
    private final String stackId;
    private final String stackName;
    private final Duration poll;
    private final StackListener listener;
    private final Set<String> seen = new HashSet<>();
    private final List<StackEvent> events = new ArrayList<>();

    StackWatcher(CloudFormationClient cfn, String stackId, String stackName, Duration poll, StackListener listener) {
        this.cfn = cfn;
        this.stackId = stackId;
        this.stackName = stackName;
        this.poll = poll;
        this.listener = listener;
        newEvents();
    }

    /**
     * Waits until the stack is no longer in progress (rollbacks included) and returns its status. Right after a
     * request the stack may still show its previous status, so a status counts as final only once this operation's
     * own stack event reports it (or it has stayed so for a while, should an event go missing).
     */
    String await(String what) {
        int settled = 0;
        while (true) {
            Optional<String> now = status();
            newEvents().forEach(listener::onEvent);
            if (now.isEmpty()) {
                return "DELETE_COMPLETE";
            }
            String status = now.get();
            if (!StackStatuses.inProgress(status) && (reported(status) || ++settled > PATIENCE)) {
                return status;
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw cancelled(what, status);
            }
        }
    }

    private boolean reported(String status) {
        return events.stream().anyMatch(e -> e.logicalId().equals(stackName) && e.status().equals(status));
    }

    /** The stack's status now, or empty if it is gone entirely. */
    Optional<String> status() {
        try {
            List<Stack> stacks = cfn.describeStacks(b -> b.stackName(stackId)).stacks();
            return stacks.stream().findFirst().map(Stack::stackStatusAsString);
        } catch (AbortedException e) {
            throw cancelled("the stack's status", "unknown");
        } catch (software.amazon.awssdk.services.cloudformation.model.CloudFormationException e) {
            if (Stacks.doesNotExist(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The first resource failure of this operation, in plain words. */
    Optional<String> failureReason() {
        return firstFailure(events, stackName);
    }

    /**
     * The failure that started it all, from events oldest first: resources CloudFormation cancelled because of it
     * and the stack's own summary ("The following resource(s) failed…") come later or say less.
     */
    static Optional<String> firstFailure(List<StackEvent> oldestFirst, String stackName) {
        return oldestFirst.stream()
                .filter(StackEvent::failed)
                .filter(e -> !e.logicalId().equals(stackName))
                .filter(e -> e.reason().map(r -> !r.toLowerCase(java.util.Locale.ROOT).contains("cancelled")).orElse(true))
                .findFirst()
                .or(() -> oldestFirst.stream().filter(StackEvent::failed).findFirst())
                .map(e -> e.logicalId() + " (" + e.resourceType() + "): " + e.reason().orElse(e.status()));
    }

    List<StackEvent> events() {
        return List.copyOf(events);
    }

    StackWaitCancelledException cancelled(String what, String status) {
        return new StackWaitCancelledException("stopped waiting for " + what + ": the stack " + stackName + " was "
                + status + " and CloudFormation carries on with it; deploy again or destroy once it has finished");
    }

    private List<StackEvent> newEvents() {
        List<StackEvent> fresh = new ArrayList<>();
        try {
            outer:
            for (DescribeStackEventsResponse page : cfn.describeStackEventsPaginator(b -> b.stackName(stackId))) {
                for (var e : page.stackEvents()) {
                    if (!seen.add(e.eventId())) {
                        break outer;
                    }
                    fresh.add(new StackEvent(e.timestamp(), e.logicalResourceId(), e.resourceType(),
                            e.resourceStatusAsString(), Optional.ofNullable(e.resourceStatusReason())));
                }
            }
        } catch (software.amazon.awssdk.services.cloudformation.model.CloudFormationException e) {
            if (!Stacks.doesNotExist(e)) {
                throw e;
            }
        }
        List<StackEvent> oldestFirst = fresh.reversed();
        events.addAll(oldestFirst);
        return oldestFirst;
    }
}
