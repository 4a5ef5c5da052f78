package dev.athenaeum.deploy.stack;

import java.time.Instant;
import java.util.Optional;

/** One event of the stack as CloudFormation reports it, e.g. Function CREATE_IN_PROGRESS. */
public record StackEvent(Instant time, String logicalId, String resourceType, String status, Optional<String> reason) {

    public StackEvent {
        reason = reason == null ? Optional.empty() : reason.filter(r -> !r.isBlank());
    }

    public boolean failed() {
        return status.endsWith("_FAILED");
    }

    @Override
    public String toString() {
        return logicalId + " " + status + reason.map(r -> ": " + r).orElse("");
    }
}
